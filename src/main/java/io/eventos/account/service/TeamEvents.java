package io.eventos.account.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the team screens ask of the events context (which answers: {@code event.service.EventsForTeams}): the events
 * a member may be limited to, and an event's name. Owned here so that the account context depends on no context
 * above it (docs/architecture.md, "Packages"); the answers keep the events context's own permission checks.
 */
public interface TeamEvents {

    /** An event as the team screens name it. */
    record TeamEvent(UUID id, String name) {
    }

    /** The account's events the signed-in member may see, soonest first (access denied for a member limited to some). */
    List<TeamEvent> choices();

    /** The name of the account's event, if there is one with this id. */
    Optional<String> name(UUID eventId);
}
