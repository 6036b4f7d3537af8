package io.eventos.account.service;

import java.time.Instant;
import java.util.UUID;

/** One audit log line as owners and admins read it. */
public record AuditRecord(UUID id, Instant occurredAt, String actor, String action, String subjectType,
                          UUID subjectId, String ip, String before, String after) {
}
