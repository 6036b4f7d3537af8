package io.eventos.account.service;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** The active accounts and their time zones, for the weekly job (V28's {@code weekly_summary_accounts}: no more). */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class WeeklySummaryAccounts {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    /** An account and the zone whose Monday 08:00 it waits for. */
    public record AccountZone(UUID id, ZoneId zone) {
    }

    public List<AccountZone> active() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, time_zone from weekly_summary_accounts()")
                .getResultList();
        return rows.stream().map(r -> new AccountZone(r[0] instanceof UUID u ? u : UUID.fromString(r[0].toString()),
                zone((String) r[1]))).toList();
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (java.time.DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
