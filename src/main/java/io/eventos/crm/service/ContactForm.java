package io.eventos.crm.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a team member types about a contact (the contact page and the "New contact" form). Custom field values are
 * as typed, by the field's key; the service checks them against the account's definitions ({@link ContactFieldDef}).
 */
public record ContactForm(String firstName, String lastName, String email, String phone, String company,
                          String jobTitle, String addressLine, String postalCode, String city, String country,
                          List<String> tags, UUID ownerUserId, Map<String, String> customFields) {
}
