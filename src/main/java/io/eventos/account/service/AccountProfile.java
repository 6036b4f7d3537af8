package io.eventos.account.service;

import java.util.UUID;

/** The public face of an account: what attendees see of the organizer. */
public record AccountProfile(UUID id, String slug, String name, String contactEmail, String defaultTimeZone) {
}
