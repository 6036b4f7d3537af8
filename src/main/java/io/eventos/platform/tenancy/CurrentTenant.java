package io.eventos.platform.tenancy;

import java.util.Optional;
import java.util.UUID;

/**
 * The account (tenant) the current thread works for, and the signed-in user if any. The web filters bind them from
 * the URL or the login session, background work binds each account explicitly; {@link TenantBindingInterceptor}
 * copies them into the database transaction. Always used with try-with-resources so a pooled request thread never
 * keeps a tenant.
 */
public final class CurrentTenant {

    private static final ThreadLocal<UUID> ACCOUNT = new ThreadLocal<>();
    private static final ThreadLocal<UUID> USER = new ThreadLocal<>();
    private static final ThreadLocal<DeviceGrant> DEVICE = new ThreadLocal<>();

    private CurrentTenant() {
    }

    /** Binds {@code accountId} until the returned scope is closed; the previous binding is restored then. */
    public static Scope bind(UUID accountId) {
        if (accountId == null) {
            throw new IllegalArgumentException("accountId");
        }
        return bindTo(ACCOUNT, accountId);
    }

    /**
     * Binds the signed-in user until the scope is closed; row level security lets a user list their own memberships
     * in other accounts (the account switcher) through it.
     */
    public static Scope bindUser(UUID userId) {
        return bindTo(USER, userId);
    }

    /** Binds a check-in device (signed in by its link, no user) until the scope is closed. */
    public static Scope bindDevice(DeviceGrant grant) {
        return bindTo(DEVICE, grant);
    }

    /** The check-in device the request comes from, if it is one. */
    public static Optional<DeviceGrant> device() {
        return Optional.ofNullable(DEVICE.get());
    }

    public static Optional<UUID> get() {
        return Optional.ofNullable(ACCOUNT.get());
    }

    public static Optional<UUID> user() {
        return Optional.ofNullable(USER.get());
    }

    /** The bound account, or {@link NoTenantBoundException}: tenant work never runs without an account. */
    public static UUID require() {
        UUID accountId = ACCOUNT.get();
        if (accountId == null) {
            throw new NoTenantBoundException();
        }
        return accountId;
    }

    private static <T> Scope bindTo(ThreadLocal<T> slot, T value) {
        T previous = slot.get();
        slot.set(value);
        return () -> {
            if (previous == null) {
                slot.remove();
            } else {
                slot.set(previous);
            }
        };
    }

    /** A binding that ends when closed. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
