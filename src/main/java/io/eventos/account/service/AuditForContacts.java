package io.eventos.account.service;

import io.eventos.crm.service.ContactAudit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.UUID;

/** The account context's answer to the CRM ({@link ContactAudit}): an audit entry on a contact. */
@ApplicationScoped
public class AuditForContacts implements ContactAudit {

    @Inject
    AuditLog audit;

    @Override
    public void record(String action, UUID contactId, Map<String, ?> facts) {
        audit.record(action, "contact", contactId, null, facts);
    }

    @Override
    public void record(String action, String subjectType, UUID subjectId, Map<String, ?> facts) {
        audit.record(action, subjectType, subjectId, null, facts);
    }
}
