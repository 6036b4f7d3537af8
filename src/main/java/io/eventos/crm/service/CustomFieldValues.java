package io.eventos.crm.service;

import io.eventos.platform.input.InputProblem;
import io.eventos.platform.text.Json;
import jakarta.json.JsonObjectBuilder;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Custom field values as typed, checked against the account's definitions and turned into the JSON object stored in
 * contacts.custom_fields: text as a string, a number as a JSON number, a date as "yyyy-mm-dd", a choice as one of its
 * values, yes/no as a boolean. Blank values are left out; keys without a definition are dropped. Each refused value
 * is a problem for the field {@code custom-<key>}.
 */
final class CustomFieldValues {

    private CustomFieldValues() {
    }

    static String json(List<ContactFieldDef> definitions, Map<String, String> values, List<InputProblem> problems) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        for (ContactFieldDef field : definitions) {
            String typed = values == null ? null : values.get(field.key());
            if (typed == null || typed.isBlank()) {
                continue;
            }
            String value = typed.strip();
            String problem = null;
            switch (field.kind()) {
                case "number" -> {
                    try {
                        object.add(field.key(), new BigDecimal(value.replace(",", ".")));
                    } catch (NumberFormatException e) {
                        problem = "Enter a number, e.g. 42 or 3.5.";
                    }
                }
                case "date" -> {
                    try {
                        object.add(field.key(), LocalDate.parse(value).toString());
                    } catch (DateTimeParseException e) {
                        problem = "Enter a date as yyyy-mm-dd, e.g. 2026-05-14.";
                    }
                }
                case "choice" -> {
                    if (field.choices().contains(value)) {
                        object.add(field.key(), value);
                    } else {
                        problem = "Choose one of: " + String.join(", ", field.choices()) + ".";
                    }
                }
                case "yes_no" -> {
                    String answer = value.toLowerCase(Locale.ROOT);
                    if (answer.equals("true") || answer.equals("yes")) {
                        object.add(field.key(), true);
                    } else if (answer.equals("false") || answer.equals("no")) {
                        object.add(field.key(), false);
                    } else {
                        problem = "Choose yes or no.";
                    }
                }
                default -> {
                    if (value.length() > 500) {
                        problem = "At most 500 characters.";
                    } else {
                        object.add(field.key(), value);
                    }
                }
            }
            if (problem != null) {
                problems.add(new InputProblem("custom-" + field.key(), field.label() + ": " + problem));
            }
        }
        return object.build().toString();
    }
}
