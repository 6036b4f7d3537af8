package io.eventos.account.service;

/**
 * The account settings an owner or admin can change. {@code dataRetentionDays}: contacts without activity for that
 * long are anonymized (null: kept).
 */
public record AccountSettings(String name, String slug, String defaultTimeZone, String defaultCurrency,
                              boolean requireTwoFactor, Integer dataRetentionDays) {
}
