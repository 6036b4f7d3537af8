package io.eventos.crm.service;

import java.util.List;
import java.util.UUID;

/**
 * What the retention sweep asks of the account context (which answers:
 * {@code account.service.RetentionPeriodsForContacts}): the period is the account's setting (its settings page,
 * ACCOUNT_SETTINGS, its audit entry); the sweep that acts on it is the CRM's. Owned here so that the CRM depends on no
 * context above it (docs/architecture.md, "Packages"). Runs in the caller's transaction.
 */
public interface RetentionPeriods {

    /** The active accounts that set a retention period (ids only), for the hourly round; no account is bound. */
    List<UUID> accountsWithPeriod();

    /** The bound account's retention period in days, or null when it keeps contacts for ever. */
    Integer days();
}
