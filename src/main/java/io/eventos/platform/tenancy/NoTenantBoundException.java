package io.eventos.platform.tenancy;

import jakarta.ejb.ApplicationException;

/** A tenant service was called with no account bound: fail closed instead of running unscoped. */
@ApplicationException(rollback = true)
public class NoTenantBoundException extends RuntimeException {
    public NoTenantBoundException() {
        super("No account is bound to this call; tenant data cannot be read or written without one");
    }
}
