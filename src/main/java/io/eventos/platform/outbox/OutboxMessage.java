package io.eventos.platform.outbox;

import java.util.UUID;

/**
 * One outbox row as a worker claimed it: what happened ({@code topic}, e.g. "order.paid", and its audit entry when
 * the action has one), which {@link OutboxConsumer} delivers it, its payload (JSON) and how many times delivery has
 * been tried, this time included. {@code accountId} is null for actions of a user outside any account.
 */
public record OutboxMessage(UUID id, UUID accountId, UUID auditId, String consumer, String topic, String payload,
                            int attempt) {
}
