package io.eventos.crm.service;

import io.eventos.platform.input.InputRefusedException;
import io.eventos.platform.persistence.SqlValues;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.security.Authorizer;
import io.eventos.platform.security.Permission;
import io.eventos.platform.security.RequiresPermission;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.TenantBound;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Saved views of the contact list (table contact_views, V31): a member keeps the list's filters, search and sort under
 * a name and opens them again. A view is its creator's own: nobody else sees it, unless it is shared with the team
 * (CONTACTS_MANAGE_ALL, like segments), and then everyone who reads contacts opens it. Only its creator renames it or
 * changes what it holds; a shared view can also be removed by a manager (someone who left the team may have made
 * it). Row level security says the same: a transaction sees the account's shared views and its user's own (V31).
 * Unlike a segment a view is a way of looking at the list, not an audience: it has no count of its own.
 */
@Stateless
@TenantBound
public class ContactViewService {

    private static final Set<String> SORTS = Set.of("lastActivity", "name", "created");

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    @Inject
    Authorizer authorizer;

    @Inject
    ContactTeam team;

    /** The signed-in member's views and the team's shared ones, by name. */
    @RequiresPermission(Permission.CONTACTS_VIEW)
    public List<ContactView> list() {
        UUID me = me();
        Map<UUID, String> names = team.members().stream()
                .collect(Collectors.toMap(ContactTeam.TeamMate::userId, ContactTeam.TeamMate::name));
        List<?> rows = em.createNativeQuery("""
                        select id, name, filters::text, sort_field, sort_ascending, shared, user_id from contact_views
                        where shared or user_id = ?1 order by lower(name), id""")
                .setParameter(1, me).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> view(r, me, names)).toList();
    }

    /** One view the member may open (their own or a shared one). */
    @RequiresPermission(Permission.CONTACTS_VIEW)
    public ContactView find(UUID viewId) {
        UUID me = me();
        List<?> rows = em.createNativeQuery("""
                        select id, name, filters::text, sort_field, sort_ascending, shared, user_id from contact_views
                        where id = ?1 and (shared or user_id = ?2)""")
                .setParameter(1, viewId).setParameter(2, me).getResultList();
        if (rows.isEmpty()) {
            throw new AccessDeniedException("No such view.");
        }
        return view((Object[]) rows.get(0), me, Map.of());
    }

    /**
     * Saves the list as it is under a name; a view of the member's with that name gets these filters and sort.
     * Sharing with the team needs CONTACTS_MANAGE_ALL.
     */
    @RequiresPermission(Permission.CONTACTS_VIEW)
    public UUID save(String name, ContactFilter filter, String sortField, boolean ascending, boolean shared) {
        UUID me = me();
        String clean = name(name);
        if (shared) {
            authorizer.check(Permission.CONTACTS_MANAGE_ALL, null);
        }
        Object id = em.createNativeQuery("""
                        insert into contact_views (id, account_id, user_id, name, filters, sort_field, sort_ascending,
                                                   shared)
                        values (?1, ?2, ?3, ?4, cast(?5 as jsonb), ?6, ?7, ?8)
                        on conflict (account_id, user_id, lower(name)) do update set filters = excluded.filters,
                            sort_field = excluded.sort_field, sort_ascending = excluded.sort_ascending,
                            shared = excluded.shared, updated_at = now()
                        returning id""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, CurrentTenant.require()).setParameter(3, me)
                .setParameter(4, clean).setParameter(5, ContactSegmentService.json(filter))
                .setParameter(6, SORTS.contains(sortField) ? sortField : "lastActivity").setParameter(7, ascending)
                .setParameter(8, shared).getSingleResult();
        return SqlValues.uuid(id);
    }

    /** Renames one of the member's own views. */
    @RequiresPermission(Permission.CONTACTS_VIEW)
    public void rename(UUID viewId, String name) {
        UUID me = me();
        String clean = name(name);
        List<?> clash = em.createNativeQuery("""
                        select 1 from contact_views where user_id = ?1 and lower(name) = lower(?2) and id <> ?3""")
                .setParameter(1, me).setParameter(2, clean).setParameter(3, viewId).getResultList();
        if (!clash.isEmpty()) {
            throw new InputRefusedException("viewName", "You have a view called “" + clean + "” already.");
        }
        int renamed;
        try {
            renamed = em.createNativeQuery("""
                            update contact_views set name = ?3, updated_at = now() where id = ?1 and user_id = ?2""")
                    .setParameter(1, viewId).setParameter(2, me).setParameter(3, clean).executeUpdate();
        } catch (PersistenceException e) {
            throw new InputRefusedException("viewName", "You have a view called “" + clean + "” already.");
        }
        if (renamed == 0) {
            throw new AccessDeniedException("Only whoever saved this view can rename it.");
        }
    }

    /** Removes one of the member's own views, or (CONTACTS_MANAGE_ALL) a view shared with the team. */
    @RequiresPermission(Permission.CONTACTS_VIEW)
    public void remove(UUID viewId) {
        UUID me = me();
        List<?> rows = em.createNativeQuery("select user_id, shared from contact_views where id = ?1")
                .setParameter(1, viewId).getResultList();
        if (rows.isEmpty()) {
            throw new AccessDeniedException("No such view.");
        }
        Object[] row = (Object[]) rows.get(0);
        if (!me.equals(SqlValues.uuid(row[0]))) {
            authorizer.check(Permission.CONTACTS_MANAGE_ALL, null); // only a shared view is visible to get here
        }
        em.createNativeQuery("delete from contact_views where id = ?1").setParameter(1, viewId).executeUpdate();
    }

    private static ContactView view(Object[] r, UUID me, Map<UUID, String> names) {
        UUID owner = SqlValues.uuid(r[6]);
        return new ContactView(SqlValues.uuid(r[0]), (String) r[1], ContactSegmentService.rules((String) r[2]),
                (String) r[3], Boolean.TRUE.equals(r[4]), Boolean.TRUE.equals(r[5]), me.equals(owner),
                names.get(owner));
    }

    private static String name(String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 80) {
            throw new InputRefusedException("viewName", "Name the view (up to 80 characters).");
        }
        return clean;
    }

    private static UUID me() {
        return CurrentTenant.user().orElseThrow(() -> new AccessDeniedException("Sign in to do this."));
    }
}
