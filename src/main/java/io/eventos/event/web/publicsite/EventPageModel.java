package io.eventos.event.web.publicsite;

import io.eventos.account.service.AccountProfile;
import io.eventos.event.service.PublicEvent;
import io.eventos.event.service.PublicEventDetails;
import io.eventos.event.service.PublicPageStore;

import java.time.Instant;
import java.util.List;

/**
 * Everything {@code /e/{account}/{event}} shows, computed once and cached for every visitor
 * ({@link PublicPageCache}): nothing in it depends on who asks. Paths include the context path; URLs are absolute.
 *
 * @param etag        weak entity tag of what the page shows (changes when the content does)
 * @param builtAt     when this was read from the database (the calendar files' DTSTAMP)
 * @param source      what the service read (kept with the page's rendering, {@link PublicPageStore})
 */
public record EventPageModel(AccountProfile organizer, PublicEvent event, String when, String zoneLabel,
                             String startIso, String endIso, String zoneId, List<AgendaDay> agenda,
                             List<OfferRow> offers, boolean ended, String formatLabel, String pageUrl,
                             String organizerPath, String calendarPath, String metaDescription, String jsonLd,
                             String etag, Instant builtAt, PublicEventDetails source) {

    public boolean isCancelled() {
        return event.isCancelled();
    }

    /** Unlisted events are reachable by their link only: no search engine should list them. */
    public boolean isNoIndex() {
        return event.unlisted();
    }

    /** Tickets are shown while the event is neither over nor cancelled. */
    public boolean isSelling() {
        return !ended && !event.isCancelled();
    }

    /** Where buyers choose their tickets: {@code /e/{account}/{event}/tickets}. */
    public String ticketsPath() {
        return calendarPath.substring(0, calendarPath.length() - ".ics".length()) + "/tickets";
    }

    /** True while at least one ticket type can be bought. */
    public boolean isBuyable() {
        return isSelling() && offers.stream().anyMatch(o -> !o.soldOut() && o.onSale());
    }

    /** A day of the agenda, its sessions grouped by track. */
    public record AgendaDay(String label, String isoDate, List<AgendaTrack> tracks) {
    }

    /**
     * A track of a day; {@code name} is null when the day has no tracks at all, and "Everyone" for the sessions
     * outside any track (keynotes, breaks) on a day that has tracks.
     */
    public record AgendaTrack(String name, List<AgendaRow> rows) {
    }

    /**
     * One agenda line, times already in the event's zone. {@code details} is "Keynote · Main Hall" (kind and room,
     * either may be absent), {@code speakers} "Ingrid Solberg (Fjordline Software), ...", {@code calendarPath}
     * null for breaks.
     */
    public record AgendaRow(String id, String time, String startIso, String title, String details, String speakers,
                            String description, String calendarPath) {
    }

    /** A ticket type with its price, sales state and what is left written out. */
    public record OfferRow(String name, String description, String price, String state, String availability,
                           boolean soldOut, boolean onSale) {
    }
}
