package io.eventos.account.service;

import java.time.Instant;
import java.util.UUID;

/**
 * Filters for the audit log; null means "any". {@code action} matches a prefix, e.g. "member." or "login";
 * {@code subjectType} and {@code subjectId} keep one record's own history (an event, a venue, an order, a member).
 */
public record AuditQuery(String action, String actorEmail, Instant from, Instant to, String subjectType,
                         UUID subjectId) {

    public AuditQuery(String action, String actorEmail, Instant from, Instant to) {
        this(action, actorEmail, from, to, null, null);
    }

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null);
    }
}
