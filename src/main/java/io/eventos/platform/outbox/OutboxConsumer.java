package io.eventos.platform.outbox;

/**
 * Delivers the outbox rows addressed to it ({@link #name()}, the row's {@code consumer}) after their transaction
 * committed: a CDI bean, found by name. Delivery is at least once: a row may come again after a crash between the
 * delivery and its being marked done, so a consumer is idempotent by the row's id (the mail consumer makes it the
 * message's Message-ID). Throwing means "try again later" (with a growing delay; after
 * {@link OutboxDispatcher#MAX_ATTEMPTS} attempts the row is set aside as dead). The account of the row, if any, is
 * bound ({@code CurrentTenant}) while {@link #deliver} runs; no transaction is open.
 */
public interface OutboxConsumer {

    String name();

    void deliver(OutboxMessage message) throws Exception;
}
