package io.eventos.crm.service;

import java.time.Instant;
import java.util.UUID;

/** One merge into a contact: whom, when, by whom, whether undone, and how many timeline entries and orders moved. */
public record MergeRecord(UUID id, UUID mergedId, String mergedName, Instant mergedAt, UUID mergedBy,
                          Instant undoneAt, int timelineEntries, int orders) {

    public boolean undone() {
        return undoneAt != null;
    }
}
