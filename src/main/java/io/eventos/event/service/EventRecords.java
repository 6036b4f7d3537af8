package io.eventos.event.service;

import io.eventos.event.domain.Event;
import io.eventos.event.domain.EventSlug;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.security.Authorizer;
import jakarta.persistence.EntityManager;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** What the event services share: finding an event of the account, free addresses, the audit snapshot. */
final class EventRecords {

    private EventRecords() {
    }

    static Event existing(EntityManager em, UUID id) {
        Event event = id == null ? null : em.find(Event.class, id);
        if (event == null) {
            throw new AccessDeniedException("There is no such event in this account.");
        }
        return event;
    }

    static String freeSlug(EntityManager em, String base, UUID exceptEventId) {
        for (int attempt = 1; ; attempt++) {
            String candidate = EventSlug.withSuffix(base, attempt);
            if (!slugTaken(em, candidate, exceptEventId)) {
                return candidate;
            }
        }
    }

    static boolean slugTaken(EntityManager em, String slug, UUID exceptEventId) {
        return em.createQuery("select count(e) from Event e where e.slug = :slug and e.id <> :except", Long.class)
                .setParameter("slug", slug)
                .setParameter("except", exceptEventId == null ? new UUID(0, 0) : exceptEventId)
                .getSingleResult() > 0;
    }

    static void requireAccountWide(Authorizer authorizer, String what) {
        if (authorizer.eventScope().isPresent()) {
            throw new AccessDeniedException("You work on selected events only, so you cannot " + what + ".");
        }
    }

    static Map<String, Object> snapshot(Event e) {
        ZoneId zone = ZoneId.of(e.getTimeZone());
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", e.getName());
        state.put("slug", e.getSlug());
        state.put("summary", e.getSummary());
        state.put("description", e.getDescriptionText() == null ? null
                : e.getDescriptionText().length() > 200 ? e.getDescriptionText().substring(0, 200) + "…"
                : e.getDescriptionText());
        state.put("starts_at", LocalDateTime.ofInstant(e.getStartsAt(), zone).toString());
        state.put("ends_at", LocalDateTime.ofInstant(e.getEndsAt(), zone).toString());
        state.put("time_zone", e.getTimeZone());
        state.put("format", EventService.code(e.getFormat()));
        state.put("venue", e.getVenue() == null ? null : e.getVenue().getName());
        state.put("online_url", e.getOnlineUrl());
        state.put("capacity", e.getCapacity());
        state.put("visibility", EventService.code(e.getVisibility()));
        state.put("status", EventService.code(e.getStatus()));
        state.put("cover", e.getCoverMedia() == null ? null : e.getCoverMedia().getId().toString());
        return state;
    }
}
