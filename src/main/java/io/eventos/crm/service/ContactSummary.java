package io.eventos.crm.service;

import java.time.Instant;
import java.util.UUID;

/** A contact as the duplicate suggestions show it. */
public record ContactSummary(UUID id, String name, String email, String phone, String company,
                             Instant lastActivityAt) {
}
