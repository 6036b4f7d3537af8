package io.eventos.account.service;

import io.eventos.account.domain.ActorKind;
import io.eventos.account.domain.AuditEntry;
import io.eventos.platform.persistence.OneStatement;
import io.eventos.platform.persistence.SqlValues;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.RequestOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The one record of every business action: who (the signed-in user, or the system), what, when, from where,
 * before and after. Written in the caller's transaction, so the record exists exactly when the change does. Later
 * the CRM timeline, notifications and webhooks read from the same rows (and the outbox next to them).
 */
@ApplicationScoped
public class AuditLog {

    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    /**
     * One line of a subject's history as the audit log keeps it: when, what, who ({@code actorEmail}: the signed-in
     * user's address, or null for the system or an anonymous buyer, then {@code actorKind} says which), and the JSON
     * of the state before and after.
     */
    public record HistoryLine(Instant occurredAt, String action, String actorEmail, String actorKind, String before,
                              String after) {
    }

    /**
     * The history of one subject (e.g. an order), oldest first, read in the caller's transaction: one statement. The
     * caller checks that the user may see the subject.
     */
    public List<HistoryLine> history(String subjectType, UUID subjectId) {
        List<HistoryLine> lines = new ArrayList<>();
        for (Object row : em.createNativeQuery("""
                        select a.occurred_at, a.action, u.email, a.actor_kind, a.before::text, a.after::text
                        from audit_log a left join users u on u.id = a.actor_user_id
                        where a.subject_type = ?1 and a.subject_id = ?2 order by a.occurred_at, a.id""")
                .setParameter(1, subjectType).setParameter(2, subjectId).getResultList()) {
            Object[] r = (Object[]) row;
            lines.add(new HistoryLine(SqlValues.instant(r[0]), (String) r[1], (String) r[2],
                    r[3] == null ? null : String.valueOf(r[3]), (String) r[4], (String) r[5]));
        }
        return lines;
    }

    /** Records {@code action} (e.g. "member.role_changed") on a subject, with its state before and after. */
    public AuditEntry record(String action, String subjectType, UUID subjectId, Map<String, ?> before,
                             Map<String, ?> after) {
        UUID actor = CurrentTenant.user().orElse(null);
        AuditEntry entry = new AuditEntry(actor, actor == null ? ActorKind.SYSTEM : ActorKind.USER, action,
                subjectType, subjectId);
        if (before != null) {
            entry.setBeforeJson(JSON.toJson(before));
        }
        if (after != null) {
            entry.setAfterJson(JSON.toJson(after));
        }
        RequestOrigin.current().ifPresent(origin -> {
            entry.setIp(origin.ip());
            entry.setUserAgent(origin.userAgent());
        });
        em.persist(entry);
        return entry;
    }

    /**
     * The same record as {@link #record}, as a part of one statement with other writes of the step
     * ({@link OneStatement}) instead of an insert of its own; {@code id} becomes the entry's id and {@code eventId}
     * the event it concerns (or null).
     */
    public OneStatement.Part insert(UUID id, String action, String subjectType, UUID subjectId, UUID eventId,
                                    Map<String, ?> before, Map<String, ?> after) {
        UUID actor = CurrentTenant.user().orElse(null);
        RequestOrigin origin = RequestOrigin.current().orElse(null);
        return new OneStatement.Part("""
                insert into audit_log (id, account_id, occurred_at, actor_user_id, actor_kind, action, subject_type,
                                       subject_id, event_id, ip, user_agent, before, after)
                values (cast(? as uuid), cast(? as uuid), ?, cast(? as uuid), ?, ?, ?, cast(? as uuid), cast(? as uuid),
                        cast(? as inet), ?, cast(? as jsonb), cast(? as jsonb))""",
                id.toString(), CurrentTenant.require().toString(), Timestamp.from(Instant.now()), text(actor),
                actor == null ? "system" : "user", action, subjectType, text(subjectId), text(eventId),
                origin == null ? null : origin.ip(), origin == null ? null : origin.userAgent(),
                before == null ? null : JSON.toJson(before), after == null ? null : JSON.toJson(after));
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
