package io.eventos.crm.service;

import java.util.List;

/**
 * A row of the file as it will be imported: the values after cleaning (the phone in E.164, tags in lower case),
 * custom fields as "Label: value", and what will happen to it ({@code outcome}: "New contact", "Updates a contact",
 * "Merged into line N" or "Skipped: reason").
 */
public record ImportPreviewRow(int line, String firstName, String lastName, String email, String phone,
                               String company, String jobTitle, List<String> tags, Boolean consent, String custom,
                               String outcome, boolean skipped) {
}
