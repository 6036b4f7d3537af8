package io.eventos.event.service;

import java.util.UUID;

/** A room of the event's venue that sessions can use. */
public record AgendaRoom(UUID id, String name, Integer capacity) {
}
