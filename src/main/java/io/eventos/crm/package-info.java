/**
 * The CRM: contacts (one per real person per account, with consent, tags and custom fields; erasable for GDPR) and
 * the activity timeline of each contact (orders, check-ins, e-mails, notes, calls, meetings, tasks).
 * <p>Tables: {@code contacts}, {@code activities} (with tasks), {@code contact_fields} (custom field definitions),
 * {@code contact_consents} (consent history, written by a trigger), {@code segments} (saved filters).
 */
package io.eventos.crm;
