package io.eventos.account.service;

import io.eventos.platform.security.Permission;
import io.eventos.platform.security.RequiresPermission;
import io.eventos.platform.tenancy.TenantBound;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Reads the audit log of the bound account, newest first, filtered and paged in SQL. */
@Stateless
@TenantBound
public class AuditService {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    @RequiresPermission(Permission.AUDIT_VIEW)
    public List<AuditRecord> page(AuditQuery filter, int first, int size) {
        List<Object> parameters = new ArrayList<>();
        Query query = em.createNativeQuery("""
                select a.id, a.occurred_at, coalesce(u.email, a.actor_kind), a.action, a.subject_type,
                       a.subject_id, host(a.ip), a.before::text, a.after::text
                from audit_log a left join users u on u.id = a.actor_user_id""" + " where " + where(filter, parameters)
                + " order by a.occurred_at desc, a.id limit ?"
                + (parameters.size() + 1) + " offset ?" + (parameters.size() + 2));
        bind(query, parameters);
        query.setParameter(parameters.size() + 1, Math.max(1, Math.min(size, 200)));
        query.setParameter(parameters.size() + 2, Math.max(0, first));
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new AuditRecord((UUID) r[0], ((Timestamp) r[1]).toInstant(), (String) r[2],
                (String) r[3], (String) r[4], (UUID) r[5], (String) r[6], (String) r[7], (String) r[8])).toList();
    }

    @RequiresPermission(Permission.AUDIT_VIEW)
    public long count(AuditQuery filter) {
        List<Object> parameters = new ArrayList<>();
        Query query = em.createNativeQuery("select count(*) from audit_log a left join users u on u.id = a.actor_user_id"
                + " where " + where(filter, parameters));
        bind(query, parameters);
        return ((Number) query.getSingleResult()).longValue();
    }

    private static String where(AuditQuery filter, List<Object> parameters) {
        List<String> conditions = new ArrayList<>(List.of("true"));
        if (filter.action() != null && !filter.action().isBlank()) {
            parameters.add(filter.action().trim().toLowerCase(Locale.ROOT).replace("%", "") + "%");
            conditions.add("a.action like ?" + parameters.size());
        }
        if (filter.actorEmail() != null && !filter.actorEmail().isBlank()) {
            parameters.add(filter.actorEmail().trim().toLowerCase(Locale.ROOT));
            conditions.add("lower(u.email) = ?" + parameters.size());
        }
        if (filter.from() != null) {
            parameters.add(Timestamp.from(filter.from()));
            conditions.add("a.occurred_at >= ?" + parameters.size());
        }
        if (filter.to() != null) {
            parameters.add(Timestamp.from(filter.to()));
            conditions.add("a.occurred_at < ?" + parameters.size());
        }
        if (filter.subjectType() != null && filter.subjectId() != null) {
            // one record's own history: the index (account_id, subject_type, subject_id) answers it
            parameters.add(filter.subjectType().trim().toLowerCase(Locale.ROOT));
            conditions.add("a.subject_type = ?" + parameters.size());
            parameters.add(filter.subjectId());
            conditions.add("a.subject_id = ?" + parameters.size());
        }
        return String.join(" and ", conditions);
    }

    private static void bind(Query query, List<Object> parameters) {
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
    }
}
