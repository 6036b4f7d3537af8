package io.eventos.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The outbox in {@code GET /health/ready}, for operators: how many rows wait longer than a minute ({@code late}) and
 * how many were given up on ({@code dead}, with their last error in the table's {@code last_error}). It stays up
 * either way: a mail server's trouble is no reason to take this server out of the load balancer.
 */
@Readiness
@ApplicationScoped
public class OutboxReadiness implements HealthCheck {

    @Inject
    OutboxStore store;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("outbox");
        try {
            long[] backlog = store.backlog();
            return response.up().withData("late", backlog[0]).withData("dead", backlog[1]).build();
        } catch (RuntimeException e) {
            return response.up().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
