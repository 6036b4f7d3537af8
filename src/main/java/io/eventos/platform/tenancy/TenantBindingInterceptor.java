package io.eventos.platform.tenancy;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.UUID;

/**
 * Makes PostgreSQL's row level security see the current account: the first statement of the service call's
 * transaction is {@code set_config('app.account_id', ?, true)}, unless the transaction has that binding already (a
 * service called by another for the same account and user: {@link TransactionSettings#bind}). The setting is
 * transaction-local, so it ends with the transaction and a pooled connection never carries one tenant into the next
 * request. No account bound: the
 * call fails with {@link NoTenantBoundException} before touching data.
 */
@TenantBound
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
public class TenantBindingInterceptor {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    @AroundInvoke
    public Object bindTenant(InvocationContext invocation) throws Exception {
        UUID accountId = CurrentTenant.require();
        TransactionSettings.bind(em, accountId, CurrentTenant.user().orElse(null));
        return invocation.proceed();
    }
}
