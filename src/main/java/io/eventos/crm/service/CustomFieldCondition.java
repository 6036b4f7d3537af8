package io.eventos.crm.service;

import java.util.Map;
import java.util.Set;

/**
 * One condition on a custom field of the contacts (contacts.custom_fields, by {@code key}), as the field's
 * {@code kind} allows: text "contains" or "equals" (any case), number "at_least" / "at_most", date "before" /
 * "after" (strictly), choice "is", yes/no "is" with "yes" or "no" (a contact who never answered matches neither).
 * Built checked by {@link ContactFilters#custom}; {@link #value} is the normalized value (a number with a dot, a date
 * as yyyy-mm-dd).
 */
public record CustomFieldCondition(String key, String kind, String operator, String value) {

    /** The operators each kind allows, with the words the list shows. */
    public static final Map<String, Set<String>> OPERATORS = Map.of(
            "text", Set.of("contains", "equals"),
            "number", Set.of("at_least", "at_most"),
            "date", Set.of("before", "after"),
            "choice", Set.of("is"),
            "yes_no", Set.of("is"));
}
