package io.eventos.account.service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** One audit log line as owners and admins read it. */
public record AuditRecord(UUID id, Instant occurredAt, String actor, String action, String subjectType,
                          UUID subjectId, String ip, String before, String after) {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    /** When it happened, in UTC, to the second. */
    public String when() {
        return UTC.format(occurredAt);
    }
}
