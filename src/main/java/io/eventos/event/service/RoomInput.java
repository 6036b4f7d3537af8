package io.eventos.event.service;

import java.util.UUID;

/** A room as edited: {@code id} is null for a new room. */
public record RoomInput(UUID id, String name, Integer capacity) {
}
