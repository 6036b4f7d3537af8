package io.eventos.ticketing.service;

import java.util.UUID;

/** The event as the ticketing pages need it. */
public record SalesEvent(UUID id, String name, String slug, String timeZone, String currency, Integer capacity,
                         String status, String accountSlug) {
}
