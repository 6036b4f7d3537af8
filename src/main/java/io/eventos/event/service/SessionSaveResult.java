package io.eventos.event.service;

import java.util.List;
import java.util.UUID;

/**
 * The outcome of saving a session: saved (with its id, and the overlap warnings the organizer had confirmed), or
 * not saved because of overlap warnings the organizer has not confirmed yet.
 */
public record SessionSaveResult(UUID sessionId, List<String> warnings) {

    public SessionSaveResult {
        warnings = List.copyOf(warnings);
    }

    public boolean saved() {
        return sessionId != null;
    }

    static SessionSaveResult saved(UUID id, List<String> confirmed) {
        return new SessionSaveResult(id, confirmed);
    }

    static SessionSaveResult needsConfirmation(List<String> warnings) {
        return new SessionSaveResult(null, warnings);
    }
}
