/**
 * The CRM: contacts (one per real person per account, with consent, tags and custom fields; erasable for GDPR) and
 * the activity timeline of each contact (orders, check-ins, e-mails, notes, calls, meetings, tasks).
 * <p>Tables (the CRM's list in {@code TableOwnershipTest.OWNER}): {@code contacts}, {@code activities} (with tasks),
 * {@code contact_fields} (custom field definitions), {@code contact_consents} (consent history, written by a
 * trigger), {@code segments} (saved filters), {@code contact_views} (each member's saved list views),
 * {@code contact_imports} (CSV imports and their outcome), {@code contact_merges} (merges, for their undo),
 * {@code contact_duplicate_dismissals} ("not the same person"), {@code contact_event_facts} and
 * {@code contact_event_counts} (event behaviour for segments, V36), {@code contact_retention_sweeps} (when the
 * retention sweep last ran per account, V39).
 */
package io.eventos.crm;
