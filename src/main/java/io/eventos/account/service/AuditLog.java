package io.eventos.account.service;

import io.eventos.account.domain.ActorKind;
import io.eventos.account.domain.AuditEntry;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.web.RequestOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

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
}
