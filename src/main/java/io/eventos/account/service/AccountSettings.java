package io.eventos.account.service;

/** The account settings an owner or admin can change ({@code brandColor}: {@code #rrggbb} or null). */
public record AccountSettings(String name, String slug, String defaultTimeZone, String defaultCurrency,
                              boolean requireTwoFactor, String brandColor) {
}
