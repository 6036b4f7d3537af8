package io.eventos.crm.service;

import java.util.List;
import java.util.UUID;

/**
 * A custom field of the account's contacts: its key (in contacts.custom_fields), label, kind ({@code text},
 * {@code number}, {@code date}, {@code choice}, {@code yes_no}) and, for a choice, the allowed values.
 */
public record ContactFieldDef(UUID id, String key, String label, String kind, List<String> choices) {
}
