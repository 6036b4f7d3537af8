package io.eventos.account.service;

import io.eventos.platform.persistence.ListTotal;
import io.eventos.platform.security.Permission;
import io.eventos.platform.security.RequiresPermission;
import io.eventos.platform.tenancy.TenantBound;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Reads the audit log of the bound account, newest first, filtered and paged in SQL. */
@Stateless
@TenantBound
public class AuditService {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    @RequiresPermission(Permission.AUDIT_VIEW)
    public List<AuditRecord> page(AuditQuery filter, int first, int size) {
        return page(filter, new ListTotal(0, false), first, size);
    }

    /**
     * One page, newest first; {@code total} (from {@link #total}) lets a page near the end be read from the end
     * ({@link ListTotal#window}): the last page of a million entries reads 25 of them, not a million.
     */
    @RequiresPermission(Permission.AUDIT_VIEW)
    public List<AuditRecord> page(AuditQuery filter, ListTotal total, int first, int size) {
        Map<Integer, Object> parameters = new HashMap<>();
        ListTotal.Window window = total.window(first, Math.max(1, Math.min(size, 200)));
        String dir = window.reversed() ? " asc" : " desc";
        Query query = em.createNativeQuery("""
                select a.id, a.occurred_at, coalesce(u.email, a.actor_kind), a.action, a.subject_type,
                       a.subject_id, host(a.ip), a.before::text, a.after::text
                from audit_log a left join users u on u.id = a.actor_user_id""" + " where " + where(filter, parameters)
                + " order by a.occurred_at" + dir + ", a.id" + dir + " limit " + window.limit()
                + " offset " + window.offset());
        parameters.forEach(query::setParameter);
        List<Object[]> rows = new ArrayList<>(query.getResultList());
        if (window.reversed()) {
            Collections.reverse(rows);
        }
        return rows.stream().map(r -> new AuditRecord((UUID) r[0], ((Timestamp) r[1]).toInstant(), (String) r[2],
                (String) r[3], (String) r[4], (UUID) r[5], (String) r[6], (String) r[7], (String) r[8])).toList();
    }

    /** Exactly how many entries match (the list itself uses {@link #total}). */
    @RequiresPermission(Permission.AUDIT_VIEW)
    public long count(AuditQuery filter) {
        Map<Integer, Object> parameters = new HashMap<>();
        Query query = em.createNativeQuery("select count(*) from audit_log a where " + where(filter, parameters));
        parameters.forEach(query::setParameter);
        return ((Number) query.getSingleResult()).longValue();
    }

    /** How many entries match: exact up to {@value ListTotal#EXACT_UP_TO}, the planner's estimate above. */
    @RequiresPermission(Permission.AUDIT_VIEW)
    public ListTotal total(AuditQuery filter) {
        Map<Integer, Object> parameters = new HashMap<>();
        return ListTotal.count(em, "from audit_log a where " + where(filter, parameters), parameters);
    }

    /**
     * The conditions. The action is a prefix taken literally (its {@code _} too), also written as a range in
     * byte order so the index (account_id, action, occurred_at) of V35 can answer it whatever the plan; the actor is
     * the one user with that email (a scalar subquery, so the actor index of V35 reads their entries newest first).
     */
    private static String where(AuditQuery filter, Map<Integer, Object> parameters) {
        List<String> conditions = new ArrayList<>(List.of("true"));
        if (filter.action() != null && !filter.action().isBlank()) {
            String prefix = filter.action().trim().toLowerCase(Locale.ROOT);
            parameters.put(parameters.size() + 1, prefix.replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
            conditions.add("a.action like ?" + parameters.size());
            parameters.put(parameters.size() + 1, prefix);
            conditions.add("a.action collate \"C\" >= ?" + parameters.size());
            parameters.put(parameters.size() + 1, prefix + "~"); // '~' sorts after every character an action has
            conditions.add("a.action collate \"C\" < ?" + parameters.size());
        }
        if (filter.actorEmail() != null && !filter.actorEmail().isBlank()) {
            parameters.put(parameters.size() + 1, filter.actorEmail().trim().toLowerCase(Locale.ROOT));
            conditions.add("a.actor_user_id = (select x.id from users x where lower(x.email) = ?" + parameters.size()
                    + ")");
        }
        if (filter.from() != null) {
            parameters.put(parameters.size() + 1, Timestamp.from(filter.from()));
            conditions.add("a.occurred_at >= ?" + parameters.size());
        }
        if (filter.to() != null) {
            parameters.put(parameters.size() + 1, Timestamp.from(filter.to()));
            conditions.add("a.occurred_at < ?" + parameters.size());
        }
        if (filter.subjectType() != null && filter.subjectId() != null) {
            // one record's own history: the index (account_id, subject_type, subject_id) answers it
            parameters.put(parameters.size() + 1, filter.subjectType().trim().toLowerCase(Locale.ROOT));
            conditions.add("a.subject_type = ?" + parameters.size());
            parameters.put(parameters.size() + 1, filter.subjectId());
            conditions.add("a.subject_id = ?" + parameters.size());
        }
        return String.join(" and ", conditions);
    }
}
