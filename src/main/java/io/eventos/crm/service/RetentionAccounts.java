package io.eventos.crm.service;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

/**
 * The accounts that set a retention period, as the account context answers ({@link RetentionPeriods}), read in a
 * transaction of its own before the round binds each account in turn.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RetentionAccounts {

    @Inject
    RetentionPeriods periods;

    public List<UUID> withRetention() {
        return periods.accountsWithPeriod();
    }
}
