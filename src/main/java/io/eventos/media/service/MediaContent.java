package io.eventos.media.service;

import java.time.Instant;
import java.util.UUID;

/** A stored file ready to be sent: its content type was decided from its bytes when it was uploaded. */
public record MediaContent(UUID id, String contentType, String sha256, long size, Instant createdAt, byte[] bytes) {
}
