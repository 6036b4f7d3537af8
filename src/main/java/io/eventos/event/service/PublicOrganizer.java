package io.eventos.event.service;

import io.eventos.account.service.AccountProfile;

import java.util.List;

/** The organizer's public page: who they are and their upcoming listed events. */
public record PublicOrganizer(AccountProfile profile, List<EventCard> upcoming) {
}
