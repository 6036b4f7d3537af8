package io.eventos.checkin.web;

import java.util.UUID;

/** Ids as the check-in pages receive them in query parameters and forms: a UUID, or null for anything else. */
public final class Ids {

    private Ids() {
    }

    public static UUID parse(String id) {
        if (id == null) {
            return null;
        }
        try {
            return UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
