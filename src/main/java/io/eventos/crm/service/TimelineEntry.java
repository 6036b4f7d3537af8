package io.eventos.crm.service;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a contact's timeline, newest first: what happened ({@code kind}, lower case as stored), who did it,
 * the event it concerns, and for a task its due date, assignee and when it was done.
 */
public record TimelineEntry(UUID id, String kind, String subject, String body, Instant occurredAt, String actorName,
                            UUID eventId, String eventName, Instant dueAt, UUID assigneeUserId, String assigneeName,
                            Instant doneAt) {

    public boolean task() {
        return "task".equals(kind);
    }
}
