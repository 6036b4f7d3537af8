package io.eventos.crm.service;

import java.util.Map;
import java.util.UUID;

/**
 * The CRM's entries in the account's audit log (answered by {@code account.service.AuditForContacts}), in the
 * caller's transaction. The facts passed must hold no personal data.
 */
public interface ContactAudit {

    /** Records {@code action} (e.g. "contact.erased") on the contact, with the signed-in user and the time. */
    void record(String action, UUID contactId, Map<String, ?> facts);

    /** Records {@code action} on another record of the CRM (e.g. "contacts.imported" on a "contact_import"). */
    void record(String action, String subjectType, UUID subjectId, Map<String, ?> facts);
}
