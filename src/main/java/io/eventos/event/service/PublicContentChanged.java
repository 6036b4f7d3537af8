package io.eventos.event.service;

import java.util.UUID;

/**
 * A CDI event: something an account's public pages show (an event, venue, session, speaker, ticket type, the
 * account's name) was written. Fired inside the writing transaction; observe it with
 * {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)} to act once the change is committed.
 */
public record PublicContentChanged(UUID accountId) {
}
