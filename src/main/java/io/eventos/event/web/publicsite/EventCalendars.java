package io.eventos.event.web.publicsite;

import io.eventos.event.service.PublicEvent;
import io.eventos.platform.text.ICalendar;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The {@code .ics} files of a public event and of its sessions (times in UTC, so every calendar app agrees). */
final class EventCalendars {

    static final String PRODUCT_ID = "-//EventOS//Public event pages//EN";

    private EventCalendars() {
    }

    static String event(EventPageModel model) {
        PublicEvent event = model.event();
        String description = Stream.of(event.summary(), model.pageUrl())
                .filter(part -> part != null && !part.isBlank()).collect(Collectors.joining("\n\n"));
        return ICalendar.publish(PRODUCT_ID)
                .beginEvent(event.id() + "@eventos", model.builtAt())
                .utc("DTSTART", event.startsAt())
                .utc("DTEND", event.endsAt())
                .text("SUMMARY", (event.isCancelled() ? "Cancelled: " : "") + event.name())
                .text("DESCRIPTION", description)
                .text("LOCATION", location(event, null))
                .raw("URL", model.pageUrl())
                .raw("STATUS", event.isCancelled() ? "CANCELLED" : "CONFIRMED")
                .organizer(model.organizer().name(), event.organizerEmail())
                .endEvent()
                .end();
    }

    static String session(EventPageModel model, PublicEvent.AgendaItem item) {
        PublicEvent event = model.event();
        String speakers = item.speakers().stream().map(PublicEvent.AgendaSpeaker::name)
                .collect(Collectors.joining(", "));
        String description = Stream.of(item.description(), speakers.isEmpty() ? null : "With " + speakers,
                        "Part of " + event.name() + ": " + model.pageUrl())
                .filter(part -> part != null && !part.isBlank()).collect(Collectors.joining("\n\n"));
        return ICalendar.publish(PRODUCT_ID)
                .beginEvent(item.id() + "@eventos", model.builtAt())
                .utc("DTSTART", item.startsAt())
                .utc("DTEND", item.endsAt())
                .text("SUMMARY", (event.isCancelled() ? "Cancelled: " : "") + item.title())
                .text("DESCRIPTION", description)
                .text("LOCATION", location(event, item.room()))
                .raw("URL", model.pageUrl())
                .raw("STATUS", event.isCancelled() ? "CANCELLED" : "CONFIRMED")
                .organizer(model.organizer().name(), event.organizerEmail())
                .endEvent()
                .end();
    }

    /** "Room, Venue, street, postal code city, country", or "Online" for an online event. */
    static String location(PublicEvent event, String room) {
        PublicEvent.PublicVenue venue = event.venue();
        if (venue == null || event.isOnlineOnly()) {
            return event.isOnlineOnly() || event.isHybrid() ? "Online" : room;
        }
        String city = Stream.of(venue.postalCode(), venue.city()).filter(p -> p != null && !p.isBlank())
                .collect(Collectors.joining(" "));
        return Stream.of(room, venue.name(), venue.addressLine1(), venue.addressLine2(), city, venue.region(),
                        venue.country())
                .filter(part -> part != null && !part.isBlank()).collect(Collectors.joining(", "));
    }
}
