package io.eventos.crm.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One line of the contact list. */
public record ContactRow(UUID id, String firstName, String lastName, String email, String phone, String company,
                         List<String> tags, boolean consent, UUID ownerUserId, Instant lastActivityAt) {

    /** "Ada Lovelace", or the email when the contact has no name. */
    public String name() {
        return ContactNames.display(firstName, lastName, email);
    }
}
