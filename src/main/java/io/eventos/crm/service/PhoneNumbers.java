package io.eventos.crm.service;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phone numbers in E.164: a plus, the country code and the number, at most 15 digits ("+4930123456"). What people
 * type around the digits (spaces, dashes, dots, brackets) is dropped, and a leading 00 is read as the plus.
 */
public final class PhoneNumbers {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private PhoneNumbers() {
    }

    /** The number in E.164, or empty when it is not one (blank input is not a number either). */
    public static Optional<String> e164(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String compact = typed.strip().replaceAll("[\\s\\-.()/]", "");
        if (compact.startsWith("00")) {
            compact = "+" + compact.substring(2);
        }
        return E164.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
    }
}
