package io.eventos.account.service;

import io.eventos.account.domain.MemberRole;
import io.eventos.analytics.service.RollupWriter;
import io.eventos.analytics.service.WeeklyFigures;
import io.eventos.analytics.service.WeeklySummary;
import io.eventos.analytics.service.WeeklySummaryMail;
import io.eventos.platform.mail.TransactionalMail;
import io.eventos.platform.security.Permission;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.TenantBound;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One account's weekly summary, in one transaction with the account bound: claims the (account, week) row of
 * {@code weekly_summaries} — a second server's claim of the same week waits on the unique key and then finds it
 * taken, so it sends nothing — and writes one email per recipient to the outbox, which delivers them after the
 * commit. Recipients: active members who turned the summary on, whose role holds WEEKLY_SUMMARY now (owners and
 * admins) and who work on the whole account.
 */
@Stateless
@TenantBound
public class WeeklySummaryWriter {

    /** The outbox topic of the emails. */
    public static final String TOPIC = "report.weekly_summary";

    @PersistenceContext(unitName = "eventos")
    EntityManager em;
    @Inject
    WeeklyFigures figures;
    @Inject
    RollupWriter rollups;
    @Inject
    TransactionalMail mail;
    @Inject
    WeeklySummaryUnsubscribe unsubscribe;

    /** A member who receives the summary. */
    record Recipient(String email, String name, java.util.UUID membership, int generation) {
    }

    /**
     * Sends the bound account's summary for the week starting on {@code weekStart} (a Monday of the account's days)
     * unless it was sent already. Returns the number of emails written, or -1 when the week was already claimed.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int send(LocalDate weekStart, Instant now, String baseUrl) {
        List<?> claimed = em.createNativeQuery("""
                        insert into weekly_summaries (account_id, week_start, sent_at)
                        values (?1, ?2, ?3) on conflict (account_id, week_start) do nothing returning id""")
                .setParameter(1, CurrentTenant.require()).setParameter(2, weekStart)
                .setParameter(3, java.sql.Timestamp.from(now)).getResultList();
        if (claimed.isEmpty()) {
            return -1;
        }
        List<Recipient> recipients = recipients();
        if (recipients.isEmpty()) {
            return 0;
        }
        rollups.refreshAfterOthers(); // its own transaction: the figures up to now
        WeeklySummary summary = figures.summary(weekStart, now);
        for (Recipient r : recipients) {
            UUID account = CurrentTenant.require();
            mail.send(TOPIC, WeeklySummaryMail.message(summary, r.email(), r.name(), baseUrl,
                            unsubscribe.pageLink(baseUrl, account, r.membership(), r.generation()))
                    .withListUnsubscribe(unsubscribe.oneClickLink(baseUrl, account, r.membership(), r.generation())));
        }
        em.createNativeQuery("update weekly_summaries set recipients = ?3 where account_id = ?1 and week_start = ?2")
                .setParameter(1, CurrentTenant.require()).setParameter(2, weekStart)
                .setParameter(3, recipients.size()).executeUpdate();
        return recipients.size();
    }

    private List<Recipient> recipients() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select u.email, u.name, au.role, au.id, au.unsubscribe_generation from account_users au join users u on u.id = au.user_id
                        where au.account_id = ?1 and au.weekly_summary and au.status = 'active'
                          and u.status = 'active' and (au.event_scope is null or au.event_scope = 'null'::jsonb)
                        order by lower(u.email)""")
                .setParameter(1, CurrentTenant.require()).getResultList();
        return rows.stream()
                .filter(r -> MemberRole.valueOf(((String) r[2]).toUpperCase(Locale.ROOT))
                        .grants(Permission.WEEKLY_SUMMARY))
                .map(r -> new Recipient((String) r[0], (String) r[1],
                        r[3] instanceof UUID u ? u : UUID.fromString(r[3].toString()), ((Number) r[4]).intValue()))
                .toList();
    }
}
