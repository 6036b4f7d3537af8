package io.eventos.event.service;

import io.eventos.account.service.TeamEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The events context's answer to the team screens ({@link TeamEvents}), through {@link EventSearch}'s checks. */
@ApplicationScoped
public class EventsForTeams implements TeamEvents {

    @Inject
    EventSearch events;

    @Override
    public List<TeamEvent> choices() {
        return events.list().stream().map(e -> new TeamEvent(e.id(), e.name())).toList();
    }

    @Override
    public Optional<String> name(UUID eventId) {
        return events.find(eventId).map(EventCard::name);
    }
}
