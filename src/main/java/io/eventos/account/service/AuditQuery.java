package io.eventos.account.service;

import java.time.Instant;

/** Filters for the audit log; null means "any". {@code action} matches a prefix, e.g. "member." or "login". */
public record AuditQuery(String action, String actorEmail, Instant from, Instant to) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null);
    }
}
