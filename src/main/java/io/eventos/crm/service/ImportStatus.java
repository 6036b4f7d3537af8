package io.eventos.crm.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An import as its status row tells it: {@code status} "running" (with {@code processed} of {@code total} rows
 * written so far, in its one transaction), "done" (with what it did) or "failed" (with {@code error}; nothing was
 * imported).
 */
public record ImportStatus(UUID id, String fileName, String status, int total, int processed, int created,
                           int updated, int skipped, int merged, List<ImportProblem> problems, String error,
                           Instant finishedAt) {

    public boolean finished() {
        return !"running".equals(status);
    }

    /** How far it got, 0 to 100. */
    public int percent() {
        if (finished()) {
            return 100;
        }
        return total <= 0 ? 0 : (int) Math.min(99, 100L * processed / total);
    }
}
