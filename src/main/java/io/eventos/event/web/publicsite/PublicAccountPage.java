package io.eventos.event.web.publicsite;

import io.eventos.account.service.AccountProfile;
import io.eventos.account.service.AccountService;
import io.eventos.event.service.EventCard;
import io.eventos.event.service.PublicEventService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** {@code /e/{account}}: the organizer's page with their upcoming public events. */
@Named
@RequestScoped
public class PublicAccountPage {

    @Inject
    PublicEventService events;
    @Inject
    AccountService accounts;

    private AccountProfile organizer;
    private List<Row> upcoming = List.of();

    public void load() {
        organizer = accounts.currentProfile();
        upcoming = events.upcomingEvents().stream()
                .map(card -> new Row(card, EventTimes.range(card.startsAt(), card.endsAt(), card.zone())))
                .toList();
    }

    public AccountProfile getOrganizer() {
        return organizer;
    }

    public List<Row> getUpcoming() {
        return upcoming;
    }

    /** An upcoming event with its dates written out in its zone. */
    public record Row(EventCard event, String when) {
    }
}
