package io.eventos.platform.tenancy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What one web request has already read and may read again without asking the database: the signed-in user's
 * memberships, for the header, the account switcher and every permission check of the request (issue 18: an organizer
 * page asked for the same membership row up to a dozen times). Open only around a web request
 * ({@code OrganizerTenantFilter}); anywhere else (timers, the outbox, tests calling services) nothing is remembered
 * and every call reads afresh. A service that changes what is remembered calls {@link #forgetAll()}.
 */
public final class RequestMemo {

    private static final ThreadLocal<Map<Object, Object>> MEMO = new ThreadLocal<>();

    private RequestMemo() {
    }

    /** Remembers from now until the returned scope closes (a nested open shares the outer one). */
    public static Scope open() {
        if (MEMO.get() != null) {
            return () -> { };
        }
        MEMO.set(new HashMap<>());
        return MEMO::remove;
    }

    /** The value remembered under {@code key}, else {@code load}'s (remembered when a request is open). */
    @SuppressWarnings("unchecked")
    public static <T> T get(Object key, Supplier<T> load) {
        Map<Object, Object> memo = MEMO.get();
        if (memo == null) {
            return load.get();
        }
        Object known = memo.get(key);
        if (known == null) {
            known = load.get();
            memo.put(key, known);
        }
        return (T) known;
    }

    /** The value remembered under {@code key}, if any (never loads). */
    @SuppressWarnings("unchecked")
    public static <T> Optional<T> peek(Object key) {
        Map<Object, Object> memo = MEMO.get();
        return memo == null ? Optional.empty() : Optional.ofNullable((T) memo.get(key));
    }

    /** After a write that changes something remembered (a role, a membership): read afresh from here on. */
    public static void forgetAll() {
        Map<Object, Object> memo = MEMO.get();
        if (memo != null) {
            memo.clear();
        }
    }

    /** Ends the remembering. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
