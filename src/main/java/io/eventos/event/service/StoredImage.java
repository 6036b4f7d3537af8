package io.eventos.event.service;

import java.util.UUID;

/** An image from the media table, ready to be sent: its content type was decided from its bytes at upload. */
public record StoredImage(UUID id, String contentType, String sha256, byte[] bytes) {
}
