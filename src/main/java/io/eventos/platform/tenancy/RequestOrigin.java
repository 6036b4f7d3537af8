package io.eventos.platform.tenancy;

import java.util.Optional;

/** Where the current request comes from (address and browser), for the audit log. Bound by RequestOriginFilter. */
public record RequestOrigin(String ip, String userAgent) {

    private static final ThreadLocal<RequestOrigin> CURRENT = new ThreadLocal<>();

    public static Optional<RequestOrigin> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static void bind(RequestOrigin origin) {
        CURRENT.set(origin);
    }

    public static void clear() {
        CURRENT.remove();
    }
}
