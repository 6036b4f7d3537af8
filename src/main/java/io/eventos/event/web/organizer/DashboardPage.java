package io.eventos.event.web.organizer;

import io.eventos.event.service.EventCard;
import io.eventos.event.service.EventSearch;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** {@code /app/}: the organizer's start page. */
@Named
@RequestScoped
public class DashboardPage {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM uuuu, HH:mm", Locale.ENGLISH);

    @Inject
    EventSearch events;

    private List<Row> upcoming = List.of();
    private long eventCount;

    public void load() {
        eventCount = events.count();
        upcoming = events.upcoming(10).stream()
                .map(e -> new Row(e, WHEN.format(ZonedDateTime.ofInstant(e.startsAt(), e.zone())) + " ("
                        + e.zone().getId() + ")"))
                .toList();
    }

    public List<Row> getUpcoming() {
        return upcoming;
    }

    public long getEventCount() {
        return eventCount;
    }

    /** An upcoming event with its start written in its own zone. */
    public record Row(EventCard event, String when) {
    }
}
