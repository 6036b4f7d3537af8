package io.eventos.crm.service;

import java.time.Instant;
import java.util.UUID;

/**
 * A contact as its page shows it: the editable fields ({@code form}), consent as it is now, where the contact came
 * from, and whether the signed-in member may edit it (they own it, or they may edit every contact).
 */
public record ContactDetails(UUID id, ContactForm form, boolean consent, Instant consentAt, String consentSource,
                             Instant unsubscribedAt, String source, Instant createdAt, Instant lastActivityAt,
                             boolean editable) {

    public String name() {
        return ContactNames.display(form.firstName(), form.lastName(), form.email());
    }
}
