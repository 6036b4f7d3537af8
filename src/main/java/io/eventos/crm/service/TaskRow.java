package io.eventos.crm.service;

import java.time.Instant;
import java.util.UUID;

/** An open task on the "My tasks" list: what, for which contact, due when. */
public record TaskRow(UUID id, UUID contactId, String contactName, String subject, Instant dueAt) {
}
