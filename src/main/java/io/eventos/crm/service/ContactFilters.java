package io.eventos.crm.service;

import io.eventos.platform.input.InputProblem;
import io.eventos.platform.input.InputRefusedException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns what an organizer typed into the checked rules of a {@link ContactFilter}: the amount of "spent at least"
 * (in the currency's units, e.g. "100" or "49.90" → minor units), the currency, and a custom field condition checked
 * against the field's definition. Every refused value is an {@link InputProblem} named after its field
 * ({@code spentAtLeast}, {@code spentCurrency}, {@code customValue}, {@code customOperator}, {@code customField}),
 * so the page shows it next to that field and keeps what was typed.
 */
public final class ContactFilters {

    private static final Pattern AMOUNT = Pattern.compile("\\d{1,12}([.,]\\d{1,3})?");
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    private ContactFilters() {
    }

    /** A custom field condition as typed: the field's key, how to compare, the value. */
    public record TypedCondition(String key, String operator, String value) {

        boolean blank() {
            return key == null || key.isBlank();
        }
    }

    /** Checked "sales" and custom rules, or every problem at once. {@code abandoned}: "", "any" or an event id. */
    public static ContactFilter withSales(ContactFilter base, String abandoned, String spentCurrency,
                                          String spentAtLeast, String ticketType, List<ContactFieldDef> fields,
                                          String customKey, String customOperator, String customValue) {
        return withSales(base, abandoned, spentCurrency, spentAtLeast, ticketType, fields,
                List.of(new TypedCondition(customKey, customOperator, customValue)));
    }

    /**
     * Checked "sales" rules and custom field conditions (rows without a field are left out; all the others must
     * hold), or every problem at once. The problems of the n-th condition (from 1) name the fields
     * {@code customField}, {@code customOperator}, {@code customValue} followed by n when n > 1
     * ({@link #conditionSuffix}).
     */
    public static ContactFilter withSales(ContactFilter base, String abandoned, String spentCurrency,
                                          String spentAtLeast, String ticketType, List<ContactFieldDef> fields,
                                          List<TypedCondition> customs) {
        List<InputProblem> problems = new ArrayList<>();
        String currency = null;
        Long minor = null;
        if (spentAtLeast != null && !spentAtLeast.isBlank()) {
            currency = currency(spentCurrency, problems);
            minor = minor(spentAtLeast, currency, problems);
        }
        List<CustomFieldCondition> conditions = new ArrayList<>();
        for (int i = 0; i < customs.size(); i++) {
            TypedCondition typed = customs.get(i);
            if (typed == null || typed.blank()) {
                continue;
            }
            String suffix = conditionSuffix(i);
            if (conditions.size() == ContactFilter.MAX_CUSTOM_CONDITIONS) {
                problems.add(new InputProblem("customField" + suffix, "At most "
                        + ContactFilter.MAX_CUSTOM_CONDITIONS + " custom field conditions."));
                break;
            }
            CustomFieldCondition condition = custom(fields, typed.key(), typed.operator(), typed.value(), suffix,
                    problems);
            if (condition != null) {
                conditions.add(condition);
            }
        }
        if (!problems.isEmpty()) {
            throw new InputRefusedException(problems);
        }
        return base.withSales(abandoned(abandoned), currency, minor, uuid(ticketType), null).withCustom(conditions);
    }

    /** What the fields of the custom field condition at {@code index} (from 0) end with: "", then "2", "3"... */
    public static String conditionSuffix(int index) {
        return index == 0 ? "" : String.valueOf(index + 1);
    }

    static String abandoned(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return "any".equals(value.strip()) ? "any" : uuid(value) == null ? null : uuid(value).toString();
    }

    private static String currency(String value, List<InputProblem> problems) {
        String code = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        try {
            if (code.length() == 3) {
                Currency.getInstance(code);
                return code;
            }
        } catch (IllegalArgumentException e) {
            // named below
        }
        problems.add(new InputProblem("spentCurrency", "Choose the currency of the amount."));
        return null;
    }

    /** "49.90" EUR → 4990; the currency's decimals (JPY none, EUR two). */
    private static Long minor(String typed, String currency, List<InputProblem> problems) {
        String value = typed.strip().replace(" ", "");
        int decimals = currency == null ? 2 : Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        if (!AMOUNT.matcher(value).matches()) {
            problems.add(new InputProblem("spentAtLeast", "Enter an amount, e.g. 100 or 49.90 (\"" + typed.strip()
                    + "\" is not)."));
            return null;
        }
        BigDecimal amount = new BigDecimal(value.replace(",", "."));
        if (amount.scale() > decimals) {
            problems.add(new InputProblem("spentAtLeast", decimals == 0 ? "Enter a whole amount in " + currency + "."
                    : "Enter at most " + decimals + " decimals."));
            return null;
        }
        return amount.movePointRight(decimals).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    }

    /** The condition on the field {@code key} (none when no field is chosen), checked against its definition. */
    static CustomFieldCondition custom(List<ContactFieldDef> fields, String key, String operator, String typed,
                                       String suffix, List<InputProblem> problems) {
        if (key == null || key.isBlank()) {
            return null;
        }
        ContactFieldDef field = fields.stream().filter(f -> f.key().equals(key.strip())).findFirst().orElse(null);
        if (field == null || !KEY.matcher(field.key()).matches()) {
            problems.add(new InputProblem("customField" + suffix, "Choose one of your custom fields."));
            return null;
        }
        String op = operator == null ? "" : operator.strip();
        if (!CustomFieldCondition.OPERATORS.getOrDefault(field.kind(), java.util.Set.of()).contains(op)) {
            problems.add(new InputProblem("customOperator" + suffix, "Choose how to compare " + field.label()
                    + "."));
            return null;
        }
        String value = typed == null ? "" : typed.strip();
        if (value.isEmpty()) {
            problems.add(new InputProblem("customValue" + suffix, "Enter the value to compare " + field.label()
                    + " with."));
            return null;
        }
        String problem = null;
        switch (field.kind()) {
            case "number" -> {
                try {
                    value = new BigDecimal(value.replace(",", ".")).toPlainString();
                } catch (NumberFormatException e) {
                    problem = "Enter a number, e.g. 42 or 3.5 (\"" + value + "\" is not).";
                }
            }
            case "date" -> {
                try {
                    value = LocalDate.parse(value).toString();
                } catch (DateTimeParseException e) {
                    problem = "Enter a date as yyyy-mm-dd, e.g. 2026-05-14.";
                }
            }
            case "choice" -> {
                String given = value;
                value = field.choices().stream().filter(c -> c.equalsIgnoreCase(given)).findFirst().orElse(null);
                if (value == null) {
                    problem = "Choose one of: " + String.join(", ", field.choices()) + ".";
                }
            }
            case "yes_no" -> {
                value = value.toLowerCase(Locale.ROOT);
                if (!value.equals("yes") && !value.equals("no")) {
                    problem = "Choose yes or no.";
                }
            }
            default -> {
                if (value.length() > 500) {
                    problem = "At most 500 characters.";
                }
            }
        }
        if (problem != null) {
            problems.add(new InputProblem("customValue" + suffix, field.label() + ": " + problem));
            return null;
        }
        return new CustomFieldCondition(field.key(), field.kind(), op, value);
    }

    /** The amount of minor units in the currency's units, as typed back into the field ("49.90"). */
    public static String amount(Long minor, String currency) {
        if (minor == null) {
            return null;
        }
        int decimals = 2;
        try {
            decimals = Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (RuntimeException e) {
            // keep two
        }
        return BigDecimal.valueOf(minor).movePointLeft(decimals).toPlainString();
    }

    private static UUID uuid(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
