package io.eventos.platform.outbox;

import io.eventos.platform.tenancy.TransactionSettings;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The outbox's SQL for the workers, each call its own transaction: claim due rows (V21's {@code outbox_claim}, over
 * every account), record how their delivery went, count what operators watch, purge old delivered rows.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxStore {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    /** How one claimed row's delivery ended: {@code error} null means delivered. */
    public record Outcome(OutboxMessage message, String error, boolean dead, Duration retryIn) {

        static Outcome delivered(OutboxMessage message) {
            return new Outcome(message, null, false, null);
        }
    }

    /** Up to {@code limit} due rows, leased to the caller for {@code lease}. */
    public List<OutboxMessage> claim(int limit, Duration lease) {
        List<?> rows = em.createNativeQuery("""
                        select cast(id as text), cast(account_id as text), cast(audit_id as text), consumer, topic,
                               cast(payload as text), attempts
                        from outbox_claim(?1, ?2)""")
                .setParameter(1, limit)
                .setParameter(2, (int) lease.toSeconds())
                .getResultList();
        List<OutboxMessage> claimed = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            claimed.add(new OutboxMessage(UUID.fromString((String) r[0]), uuid(r[1]), uuid(r[2]), (String) r[3],
                    (String) r[4], (String) r[5], ((Number) r[6]).intValue()));
        }
        return claimed;
    }

    /** Marks delivered rows done and failed ones due again later (or dead), each under its own account. */
    public void settle(List<Outcome> outcomes) {
        Map<UUID, List<Outcome>> byAccount = outcomes.stream().collect(Collectors.groupingBy(
                o -> Objects.requireNonNullElse(o.message().accountId(), NO_ACCOUNT), LinkedHashMap::new,
                Collectors.toList()));
        for (var group : byAccount.entrySet()) {
            if (group.getKey() == NO_ACCOUNT) {
                TransactionSettings.clear(em, TransactionSettings.ACCOUNT);
            } else {
                TransactionSettings.set(em, TransactionSettings.ACCOUNT, group.getKey());
            }
            String delivered = group.getValue().stream().filter(o -> o.error() == null)
                    .map(o -> o.message().id().toString()).collect(Collectors.joining(",", "{", "}"));
            if (delivered.length() > 2) {
                em.createNativeQuery("""
                                update outbox set status = 'done', processed_at = now(), locked_until = null,
                                                  last_error = null
                                where id = any(cast(?1 as uuid[]))""")
                        .setParameter(1, delivered).executeUpdate();
            }
            for (Outcome failed : group.getValue()) {
                if (failed.error() == null) {
                    continue;
                }
                em.createNativeQuery("""
                                update outbox set status = ?2, available_at = now() + make_interval(secs => ?3),
                                                  locked_until = null, last_error = ?4
                                where id = cast(?1 as uuid)""")
                        .setParameter(1, failed.message().id().toString())
                        .setParameter(2, failed.dead() ? "dead" : "pending")
                        .setParameter(3, failed.dead() ? 0 : (double) failed.retryIn().toSeconds())
                        .setParameter(4, failed.error())
                        .executeUpdate();
            }
        }
    }

    /** Rows waiting longer than a minute, and rows given up on, over all accounts. */
    public long[] backlog() {
        Object[] row = (Object[]) em.createNativeQuery("select late, dead from outbox_backlog()").getSingleResult();
        return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue()};
    }

    /** Deletes rows delivered more than {@code keepDays} days ago; returns how many. */
    public long purge(int keepDays) {
        return ((Number) em.createNativeQuery("select outbox_purge(?1)").setParameter(1, keepDays)
                .getSingleResult()).longValue();
    }

    private static final UUID NO_ACCOUNT = new UUID(0, 0);

    private static UUID uuid(Object text) {
        return text == null ? null : UUID.fromString((String) text);
    }
}
