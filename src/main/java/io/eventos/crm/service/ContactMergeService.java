package io.eventos.crm.service;

import io.eventos.platform.input.InputRefusedException;
import io.eventos.platform.persistence.SqlValues;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.security.Permission;
import io.eventos.platform.security.RequiresPermission;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.TenantBound;
import io.eventos.platform.text.Json;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.io.StringReader;
import java.time.Instant;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Duplicate contacts: the suggestions (the same name written alike — {@code contacts.name_key}, V27 — plus the same
 * phone or the same company), the merge of one contact into a chosen survivor, and its undo.
 * <p>A merge locks both contact rows in the order of their ids (so two merges of the same two contacts, in either
 * direction, wait for each other instead of crossing), reads them again under the lock, and refuses when either was
 * merged or erased meanwhile. The survivor keeps its fields, except where the merge is told to take the other's
 * value, and fills its empty fields (and an empty email) from the other; tags are united, custom fields filled by key,
 * and the consent follows the newer of the two decisions. The merged contact's timeline (notes, calls, meetings, tasks,
 * the sale's and the door's entries), its consent history, campaign deliveries, the orders it bought and the tickets
 * linked to it move to the survivor; the merged contact stays as a row that names its survivor and leaves every list.
 * {@code contact_merges} records the ids of every row moved and the survivor's changed fields before and after, so
 * {@link #undo} moves back exactly that (a field only where it still holds what the merge wrote) and nothing the
 * survivor got later. Both are audited ({@code contact.merged}, {@code contact.merge_undone}; ids and counts only).
 */
@Stateless
@TenantBound
public class ContactMergeService {

    /**
     * How long a merge or undo waits for a lock before asking the organizer to try again. Shorter than PostgreSQL's
     * {@code deadlock_timeout} (1 s by default): a sale to a merged address locks the merged row and then the
     * survivor's, an undo locks both in the order of their ids; when the two cross, the undo stops waiting and asks to
     * try again before PostgreSQL would end one of them with a "deadlock detected" error (ContactMergeIT).
     */
    private static final String LOCK_TIMEOUT = "500ms";
    private static final String BUSY = "Someone is changing these contacts right now; please try again in a moment.";

    /** The fields a merge may take from either contact: key on the page → column. */
    public static final Map<String, String> CHOOSABLE = choosable();

    /** Every survivor column a merge may change, with its SQL type (values travel as text). */
    private static final Map<String, String> COLUMNS = columns();

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    @Inject
    ContactPurchases purchases;

    @Inject
    ContactDeliveries campaignDeliveries;

    @Inject
    ContactAudit audit;

    // ------------------------------------------------------------------------------------------- suggestions

    /** Likely duplicates of one contact: the same name (written alike) and the same phone or company. */
    @RequiresPermission(Permission.CONTACTS_VIEW)
    public List<DuplicateSuggestion> suggestions(UUID contactId) {
        List<?> rows = em.createNativeQuery("""
                        select o.id, o.first_name, o.last_name, o.email, o.phone, o.company, o.last_activity_at,
                               (o.phone = c.phone) as same_phone
                        from contacts c
                        join contacts o on o.account_id = c.account_id and o.name_key = c.name_key and o.id <> c.id
                         and o.merged_into_id is null and o.erased_at is null and o.name_key <> ''
                        where c.id = ?1 and c.merged_into_id is null and c.erased_at is null
                          and (o.phone = c.phone or lower(btrim(o.company)) = lower(btrim(c.company)))
                          and not exists (select 1 from contact_duplicate_dismissals d
                                          where d.account_id = c.account_id and d.contact_a = least(c.id, o.id)
                                            and d.contact_b = greatest(c.id, o.id))
                        order by o.last_activity_at desc nulls last, o.id limit 20""")
                .setParameter(1, contactId).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new DuplicateSuggestion(summary(r, 0),
                Boolean.TRUE.equals(r[7]) ? "same name and phone" : "same name and company")).toList();
    }

    /** One page of {@link #duplicates}: the pairs, and the name key to go on after (null: the last page). */
    public record DuplicatePage(List<DuplicatePair> pairs, String nextAfter) {
    }

    /**
     * About {@code pageSize} likely duplicate pairs across the account, in the order of the name, starting after the
     * name key {@code after} (null: from the start); pairs of one name stay on one page. Keyset paging in two steps,
     * both on {@code contacts_duplicates_idx}: the names that more than one visible contact has (an index-only scan
     * from {@code after}, 200 names at a time, stopping as soon as the page is full), then the pairs among those names
     * with the same phone or company (index lookups). No count: an account of a million contacts with no duplicate
     * reads its whole name index once (about 1 s, docs/architecture.md), and one with some reads only up to a page.
     */
    @RequiresPermission(Permission.CONTACTS_VIEW)
    public DuplicatePage duplicates(String after, int pageSize) {
        int size = Math.max(1, Math.min(pageSize, 100));
        List<DuplicatePair> pairs = new ArrayList<>();
        String cursor = after == null ? "" : after;
        for (int batch = 0; batch < 50; batch++) {
            List<?> keys = em.createNativeQuery("""
                            select name_key from contacts
                            where merged_into_id is null and erased_at is null and name_key <> '' and name_key > ?1
                            group by name_key having count(*) > 1 order by name_key limit 200""")
                    .setParameter(1, cursor).getResultList();
            if (keys.isEmpty()) {
                return new DuplicatePage(pairs, null);
            }
            List<?> rows = em.createNativeQuery(PAIRS + """
                             and a.name_key = any(cast(?1 as text[]))
                             order by a.name_key, a.id, b.id""")
                    .setParameter(1, keys.stream().map(k -> "\"" + k + "\"").collect(Collectors.joining(",", "{", "}")))
                    .getResultList();
            String key = null;
            for (Object row : rows) {
                Object[] r = (Object[]) row;
                if (key != null && !key.equals(r[15]) && pairs.size() >= size) {
                    return new DuplicatePage(pairs, key); // whole names per page
                }
                key = (String) r[15];
                pairs.add(new DuplicatePair(summary(r, 0), summary(r, 7),
                        Boolean.TRUE.equals(r[14]) ? "same name and phone" : "same name and company"));
            }
            cursor = (String) keys.get(keys.size() - 1);
            if (keys.size() < 200) {
                return new DuplicatePage(pairs, null);
            }
            if (pairs.size() >= size) {
                return new DuplicatePage(pairs, cursor);
            }
        }
        return new DuplicatePage(pairs, cursor); // 10,000 names without a pair: the next page goes on from here
    }

    private static final String PAIRS = """
            select a.id, a.first_name, a.last_name, a.email, a.phone, a.company, a.last_activity_at,
                   b.id, b.first_name, b.last_name, b.email, b.phone, b.company, b.last_activity_at,
                   (a.phone = b.phone) as same_phone, a.name_key
            from contacts a
            join contacts b on b.account_id = a.account_id and b.name_key = a.name_key and b.id > a.id
             and b.merged_into_id is null and b.erased_at is null and b.name_key <> ''
            where a.merged_into_id is null and a.erased_at is null and a.name_key <> ''
              and (a.phone = b.phone or lower(btrim(a.company)) = lower(btrim(b.company)))
              and not exists (select 1 from contact_duplicate_dismissals d
                              where d.account_id = a.account_id and d.contact_a = a.id and d.contact_b = b.id)""";

    private static ContactSummary summary(Object[] r, int at) {
        return new ContactSummary(SqlValues.uuid(r[at]), ContactNames.display((String) r[at + 1],
                (String) r[at + 2], (String) r[at + 3]), (String) r[at + 3], (String) r[at + 4], (String) r[at + 5],
                SqlValues.instant(r[at + 6]));
    }

    // ------------------------------------------------------------------------------------ not a duplicate

    /**
     * "Not a duplicate": the pair is no longer suggested, on either contact's page or in the list of possible
     * duplicates, until it is restored. Dismissing a pair twice (or both ways round, or by two people at once) leaves
     * one dismissal and one audit entry. Refused for contacts that are not (or no longer) in the lists.
     */
    @RequiresPermission(Permission.CONTACTS_MANAGE_ALL)
    public void dismiss(UUID contactId, UUID otherId) {
        if (contactId == null || otherId == null || contactId.equals(otherId)) {
            throw new InputRefusedException("dismiss", "Choose two different contacts.");
        }
        Number visible = (Number) em.createNativeQuery("""
                        select count(*) from contacts where id in (?1, ?2) and merged_into_id is null
                        and erased_at is null""")
                .setParameter(1, contactId).setParameter(2, otherId).getSingleResult();
        if (visible.intValue() != 2) {
            throw new AccessDeniedException("No such contact.");
        }
        List<?> inserted = em.createNativeQuery("""
                        insert into contact_duplicate_dismissals (id, account_id, contact_a, contact_b, dismissed_by)
                        values (?1, ?2, least(cast(?3 as uuid), cast(?4 as uuid)),
                                greatest(cast(?3 as uuid), cast(?4 as uuid)), cast(?5 as uuid))
                        on conflict (account_id, contact_a, contact_b) do nothing returning id""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, CurrentTenant.require())
                .setParameter(3, contactId.toString()).setParameter(4, otherId.toString())
                .setParameter(5, CurrentTenant.user().map(UUID::toString).orElse(null)).getResultList();
        if (!inserted.isEmpty()) {
            audit.record("contact.duplicate_dismissed", contactId, Map.of("other", otherId.toString(),
                    "dismissal", SqlValues.uuid(inserted.get(0)).toString()));
        }
    }

    /** Suggests a dismissed pair again (the two contacts are compared as before). Returns false if it was not there. */
    @RequiresPermission(Permission.CONTACTS_MANAGE_ALL)
    public boolean restore(UUID dismissalId) {
        List<?> deleted = em.createNativeQuery("""
                        delete from contact_duplicate_dismissals where id = ?1 returning contact_a, contact_b""")
                .setParameter(1, dismissalId).getResultList();
        if (deleted.isEmpty()) {
            return false;
        }
        Object[] pair = (Object[]) deleted.get(0);
        audit.record("contact.duplicate_restored", SqlValues.uuid(pair[0]), Map.of("other",
                SqlValues.uuid(pair[1]).toString(), "dismissal", dismissalId.toString()));
        return true;
    }

    /** A pair someone said is not a duplicate: who said so and when. */
    public record DismissedPair(UUID id, ContactSummary first, ContactSummary second, Instant dismissedAt,
                                UUID dismissedBy) {
    }

    /** The pairs dismissed most recently (at most {@code limit}, newest first), for restoring one. */
    @RequiresPermission(Permission.CONTACTS_VIEW)
    public List<DismissedPair> dismissed(int limit) {
        List<?> rows = em.createNativeQuery("""
                        select a.id, a.first_name, a.last_name, a.email, a.phone, a.company, a.last_activity_at,
                               b.id, b.first_name, b.last_name, b.email, b.phone, b.company, b.last_activity_at,
                               d.id, d.dismissed_at, d.dismissed_by
                        from contact_duplicate_dismissals d
                        join contacts a on a.account_id = d.account_id and a.id = d.contact_a
                        join contacts b on b.account_id = d.account_id and b.id = d.contact_b
                        order by d.dismissed_at desc, d.id limit\s""" + Math.max(1, Math.min(limit, 100)))
                .getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new DismissedPair(SqlValues.uuid(r[14]),
                summary(r, 0), summary(r, 7), SqlValues.instant(r[15]), SqlValues.uuid(r[16]))).toList();
    }

    // ------------------------------------------------------------------------------------------------- merge

    /**
     * Merges {@code mergedId} into {@code survivorId}. {@code takeFromOther}: the keys of {@link #CHOOSABLE} whose
     * value comes from the merged contact; every other field keeps the survivor's value, or the merged contact's
     * where the survivor has none. Returns the merge's id (for {@link #undo}).
     */
    @RequiresPermission(Permission.CONTACTS_MANAGE_ALL)
    public UUID merge(UUID survivorId, UUID mergedId, Set<String> takeFromOther) {
        if (survivorId == null || mergedId == null || survivorId.equals(mergedId)) {
            throw new InputRefusedException("merge", "Choose two different contacts.");
        }
        for (String key : takeFromOther) {
            if (!CHOOSABLE.containsKey(key)) {
                throw new InputRefusedException("merge", "Unknown field: " + key + ".");
            }
        }
        lock(survivorId, mergedId);
        Map<String, String> survivor = row(survivorId);
        Map<String, String> merged = row(mergedId);
        for (Map<String, String> c : List.of(survivor, merged)) {
            if (c.get("erased_at") != null) {
                throw new InputRefusedException("merge", name(c) + " was erased.");
            }
            if (c.get("merged_into_id") != null) {
                throw new InputRefusedException("merge", name(c) + " has already been merged into another contact.");
            }
        }

        Map<String, String> after = new LinkedHashMap<>();
        for (Map.Entry<String, String> field : CHOOSABLE.entrySet()) {
            String column = field.getValue();
            after.put(column, takeFromOther.contains(field.getKey()) || survivor.get(column) == null
                    ? merged.get(column) : survivor.get(column));
        }
        List<String> survivorTags = ContactService.tags(survivor.get("tags"));
        Set<String> tags = new LinkedHashSet<>(survivorTags);
        List<String> added = new ArrayList<>();
        for (String tag : ContactService.tags(merged.get("tags"))) {
            if (tags.add(tag)) {
                added.add(tag);
            }
        }
        after.put("tags", jsonb(jsonArray(tags)));
        after.put("custom_fields", jsonb(gapFilled(survivor.get("custom_fields"), merged.get("custom_fields"))));
        if (newerDecision(merged, survivor)) { // the person's latest word on marketing counts
            for (String column : List.of("marketing_consent", "marketing_consent_at", "consent_source",
                    "unsubscribed_at")) {
                after.put(column, merged.get(column));
            }
        }
        after.put("last_activity_at", later(survivor.get("last_activity_at"), merged.get("last_activity_at")));
        String movedEmail = survivor.get("email") == null ? merged.get("email") : null;
        if (movedEmail != null) {
            // the unique index on the address is not deferrable: the merged contact lets go of it first
            em.createNativeQuery("update contacts set email = null, updated_at = now() where id = ?1")
                    .setParameter(1, mergedId).executeUpdate();
            after.put("email", movedEmail);
        }
        Map<String, String> before = new LinkedHashMap<>();
        after.entrySet().removeIf(e -> Objects.equals(e.getValue(), survivor.get(e.getKey())));
        after.keySet().forEach(column -> before.put(column, survivor.get(column)));

        // what moves: ids first, so the undo can put back exactly these rows
        List<UUID> activities = moved("""
                with moved as (update activities set contact_id = ?2, updated_at = now() where contact_id = ?1
                               returning id) select id from moved""", mergedId, survivorId);
        ContactEventFacts.rebuild(em, List.of(survivorId, mergedId)); // the event behaviour follows the timeline
        List<UUID> consents = moved("""
                with moved as (update contact_consents set contact_id = ?2 where contact_id = ?1 returning id)
                select id from moved""", mergedId, survivorId);
        List<UUID> deliveries = campaignDeliveries.move(mergedId, survivorId);
        List<UUID> repointed = moved("""
                with moved as (update contacts set merged_into_id = ?2, updated_at = now() where merged_into_id = ?1
                               returning id) select id from moved""", mergedId, survivorId);
        ContactPurchases.Moved bought = purchases.move(mergedId, survivorId);

        write(survivorId, after);
        em.createNativeQuery("""
                        update contacts set merged_into_id = ?2, merged_at = now(), updated_at = now() where id = ?1""")
                .setParameter(1, mergedId).setParameter(2, survivorId).executeUpdate();
        UUID mergeId = UUID.randomUUID();
        em.createNativeQuery("""
                        insert into contact_merges (id, account_id, survivor_id, merged_id, merged_by, survivor_before,
                                                    survivor_after, added_tags, moved_email, activity_ids, attendee_ids,
                                                    order_ids, consent_ids, delivery_ids, repointed_ids)
                        values (?1, ?2, ?3, ?4, cast(?5 as uuid), cast(?6 as jsonb), cast(?7 as jsonb),
                                cast(?8 as jsonb), ?9,
                                cast(?10 as uuid[]), cast(?11 as uuid[]), cast(?12 as uuid[]), cast(?13 as uuid[]),
                                cast(?14 as uuid[]), cast(?15 as uuid[]))""")
                .setParameter(1, mergeId).setParameter(2, CurrentTenant.require()).setParameter(3, survivorId)
                .setParameter(4, mergedId).setParameter(5, CurrentTenant.user().map(UUID::toString).orElse(null))
                .setParameter(6, jsonObject(before)).setParameter(7, jsonObject(after))
                .setParameter(8, jsonArray(added)).setParameter(9, movedEmail)
                .setParameter(10, array(activities)).setParameter(11, array(bought.attendeeIds()))
                .setParameter(12, array(bought.orderIds())).setParameter(13, array(consents))
                .setParameter(14, array(deliveries)).setParameter(15, array(repointed)).executeUpdate();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("merged", mergedId.toString());
        facts.put("merge", mergeId.toString());
        facts.put("timelineEntries", activities.size());
        facts.put("orders", bought.orderIds().size());
        facts.put("tickets", bought.attendeeIds().size());
        facts.put("fieldsChanged", after.keySet().stream().sorted().toList());
        audit.record("contact.merged", survivorId, facts);
        return mergeId;
    }

    // -------------------------------------------------------------------------------------------------- undo

    /**
     * Undoes a merge: the merged contact is back in the lists with its address, and what the merge moved goes back
     * to it — the rows whose ids the merge recorded and that still name the survivor, the survivor's fields that
     * still hold what the merge wrote, the tags it added. Refused when the merge was undone already, when the
     * survivor was merged into a third contact since (undo that first) or erased.
     */
    @RequiresPermission(Permission.CONTACTS_MANAGE_ALL)
    public void undo(UUID mergeId) {
        List<?> found = mergeId == null ? List.of() : em.createNativeQuery("""
                        select survivor_id, merged_id from contact_merges where id = ?1""")
                .setParameter(1, mergeId).getResultList();
        if (found.isEmpty()) {
            throw new AccessDeniedException("No such merge.");
        }
        UUID survivorId = SqlValues.uuid(((Object[]) found.get(0))[0]);
        UUID mergedId = SqlValues.uuid(((Object[]) found.get(0))[1]);
        lock(survivorId, mergedId);
        Object[] m = (Object[]) em.createNativeQuery("""
                        select undone_at, survivor_before::text, survivor_after::text, added_tags::text, moved_email,
                               activity_ids::text, attendee_ids::text, order_ids::text, consent_ids::text,
                               delivery_ids::text, repointed_ids::text
                        from contact_merges where id = ?1""")
                .setParameter(1, mergeId).getSingleResult();
        Map<String, String> survivor = row(survivorId);
        Map<String, String> merged = row(mergedId);
        if (m[0] != null) {
            throw new InputRefusedException("undo", "This merge was undone already.");
        }
        if (survivor.get("erased_at") != null) {
            throw new InputRefusedException("undo", "The contact it was merged into has been erased.");
        }
        if (survivor.get("merged_into_id") != null) {
            throw new InputRefusedException("undo", name(survivor) + " has since been merged into another contact: "
                    + "undo that merge first.");
        }
        if (!survivorId.toString().equals(merged.get("merged_into_id"))) {
            throw new InputRefusedException("undo", "This merge cannot be undone any more.");
        }
        String email = (String) m[4];
        Map<String, String> before = strings((String) m[1]);
        Map<String, String> after = strings((String) m[2]);
        Map<String, String> restore = new LinkedHashMap<>();
        after.forEach((column, value) -> {
            if (!column.equals("tags") && Objects.equals(value, survivor.get(column))) {
                restore.put(column, before.get(column));
            }
        });
        List<String> added = ContactService.tags((String) m[3]);
        if (!added.isEmpty()) {
            List<String> tags = new ArrayList<>(ContactService.tags(survivor.get("tags")));
            tags.removeAll(added);
            restore.put("tags", jsonb(jsonArray(tags)));
        }
        write(survivorId, restore); // gives the address back first (the unique index is not deferrable)

        back("update activities set contact_id = ?1, updated_at = now()", "activities", m[5], mergedId, survivorId);
        ContactEventFacts.rebuild(em, List.of(survivorId, mergedId));
        back("update contact_consents set contact_id = ?1", "contact_consents", m[8], mergedId, survivorId);
        campaignDeliveries.moveBack(mergedId, survivorId, uuids((String) m[9]));
        em.createNativeQuery("""
                        update contacts set merged_into_id = ?1, updated_at = now()
                        where id = any(cast(?3 as uuid[])) and merged_into_id = ?2""")
                .setParameter(1, mergedId).setParameter(2, survivorId).setParameter(3, m[10]).executeUpdate();
        purchases.moveBack(mergedId, survivorId, new ContactPurchases.Moved(uuids((String) m[7]),
                uuids((String) m[6])));
        boolean emailFree = email != null && em.createNativeQuery(
                        "select 1 from contacts where lower(email) = lower(?1)")
                .setParameter(1, email).getResultList().isEmpty();
        em.createNativeQuery("""
                        update contacts set merged_into_id = null, merged_at = null, updated_at = now(),
                               email = case when ?2 then cast(?3 as text) else email end
                        where id = ?1""")
                .setParameter(1, mergedId).setParameter(2, emailFree).setParameter(3, email).executeUpdate();
        em.createNativeQuery("update contact_merges set undone_at = now(), undone_by = cast(?2 as uuid) where id = ?1")
                .setParameter(1, mergeId).setParameter(2, CurrentTenant.user().map(UUID::toString).orElse(null)).executeUpdate();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("merged", mergedId.toString());
        facts.put("merge", mergeId.toString());
        audit.record("contact.merge_undone", survivorId, facts);
    }

    // --------------------------------------------------------------------------------------------- history

    /** The merges into this contact, newest first (undone ones too, marked). */
    @RequiresPermission(Permission.CONTACTS_VIEW)
    public List<MergeRecord> merges(UUID survivorId) {
        List<?> rows = em.createNativeQuery("""
                        select m.id, m.merged_id, c.first_name, c.last_name, coalesce(c.email, m.moved_email),
                               m.merged_at, m.merged_by, m.undone_at,
                               cardinality(m.activity_ids), cardinality(m.order_ids)
                        from contact_merges m join contacts c on c.account_id = m.account_id and c.id = m.merged_id
                        where m.survivor_id = ?1 order by m.merged_at desc, m.id limit 50""")
                .setParameter(1, survivorId).getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new MergeRecord(SqlValues.uuid(r[0]),
                SqlValues.uuid(r[1]), ContactNames.display((String) r[2], (String) r[3], (String) r[4]),
                SqlValues.instant(r[5]), SqlValues.uuid(r[6]), SqlValues.instant(r[7]),
                (int) SqlValues.number(r[8]), (int) SqlValues.number(r[9]))).toList();
    }

    /** The contact a merged contact lives on in (following later merges), or empty when it was not merged. */
    @RequiresPermission(Permission.CONTACTS_VIEW)
    public Optional<UUID> mergedInto(UUID contactId) {
        UUID current = contactId;
        for (int hops = 0; hops < 20 && current != null; hops++) {
            List<?> next = em.createNativeQuery("select merged_into_id from contacts where id = ?1")
                    .setParameter(1, current).getResultList();
            if (next.isEmpty()) {
                return Optional.empty();
            }
            UUID into = SqlValues.uuid(next.get(0));
            if (into == null) {
                return current.equals(contactId) ? Optional.empty() : Optional.of(current);
            }
            current = into;
        }
        return Optional.empty();
    }

    // --------------------------------------------------------------------------------------------- helpers

    /** Locks both contacts' rows in the order of their ids; another account's contact is "not found". */
    private void lock(UUID one, UUID other) {
        List<?> locked;
        try {
            locked = em.createNativeQuery("""
                            select id from contacts
                            where id in (?1, ?2) and set_config('lock_timeout', ?3, true) is not null
                            order by id for update""")
                    .setParameter(1, one).setParameter(2, other).setParameter(3, LOCK_TIMEOUT).getResultList();
        } catch (PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && "55P03".equals(sql.getSQLState())) {
                    throw new InputRefusedException("merge", BUSY);
                }
            }
            throw e;
        }
        if (locked.size() != 2) {
            throw new AccessDeniedException("No such contact.");
        }
    }

    /** The contact's columns that a merge reads or writes, as text (read after the lock: the committed state). */
    private Map<String, String> row(UUID id) {
        String select = COLUMNS.keySet().stream().map(c -> c + "::text").collect(Collectors.joining(", "));
        Object[] r = (Object[]) em.createNativeQuery("select " + select
                        + ", merged_into_id::text, erased_at::text from contacts where id = ?1")
                .setParameter(1, id).getSingleResult();
        Map<String, String> row = new LinkedHashMap<>();
        int i = 0;
        for (String column : COLUMNS.keySet()) {
            row.put(column, (String) r[i++]);
        }
        row.put("merged_into_id", (String) r[i++]);
        row.put("erased_at", (String) r[i]);
        return row;
    }

    /** Writes these columns of the contact (names from {@link #COLUMNS} only), each cast from text. */
    private void write(UUID id, Map<String, String> values) {
        if (values.isEmpty()) {
            return;
        }
        List<String> sets = new ArrayList<>();
        List<String> columns = new ArrayList<>(values.keySet());
        for (int i = 0; i < columns.size(); i++) {
            String type = Objects.requireNonNull(COLUMNS.get(columns.get(i)), columns.get(i));
            sets.add(columns.get(i) + " = cast(?" + (i + 2) + " as " + type + ")");
        }
        var query = em.createNativeQuery("update contacts set " + String.join(", ", sets)
                + ", updated_at = now() where id = ?1").setParameter(1, id);
        for (int i = 0; i < columns.size(); i++) {
            query.setParameter(i + 2, values.get(columns.get(i)));
        }
        query.executeUpdate();
    }

    /** JSON as PostgreSQL writes it back (so a value written can be recognised when read again). */
    private String jsonb(String json) {
        return (String) em.createNativeQuery("select cast(?1 as jsonb)::text").setParameter(1, json)
                .getSingleResult();
    }

    private List<UUID> moved(String sql, UUID from, UUID to) {
        return em.createNativeQuery(sql).setParameter(1, from).setParameter(2, to).getResultList().stream()
                .map(SqlValues::uuid).toList();
    }

    /** Moves back the rows of {@code table} with these ids that still name the survivor. */
    private void back(String update, String table, Object ids, UUID mergedId, UUID survivorId) {
        em.createNativeQuery(update + " where id = any(cast(?3 as uuid[])) and contact_id = ?2")
                .setParameter(1, mergedId).setParameter(2, survivorId).setParameter(3, ids).executeUpdate();
    }

    /** Whether the merged contact's latest consent decision is newer than the survivor's (and differs). */
    private static boolean newerDecision(Map<String, String> merged, Map<String, String> survivor) {
        if (Objects.equals(merged.get("marketing_consent"), survivor.get("marketing_consent"))) {
            return false;
        }
        String m = decidedAt(merged);
        String s = decidedAt(survivor);
        return m != null && (s == null || java.time.OffsetDateTime.parse(pg(m))
                .isAfter(java.time.OffsetDateTime.parse(pg(s))));
    }

    private static String decidedAt(Map<String, String> c) {
        return "true".equals(c.get("marketing_consent")) ? c.get("marketing_consent_at") : c.get("unsubscribed_at");
    }

    private static String later(String a, String b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return java.time.OffsetDateTime.parse(pg(a)).isBefore(java.time.OffsetDateTime.parse(pg(b))) ? b : a;
    }

    /** PostgreSQL's timestamptz text ("2026-12-05 06:48:02.123+00") as ISO-8601. */
    private static String pg(String text) {
        String iso = text.replace(' ', 'T');
        return iso.matches(".*[+-]\\d\\d$") ? iso + ":00" : iso;
    }

    private static String gapFilled(String survivorJson, String mergedJson) {
        JsonObjectBuilder out = Json.createObjectBuilder();
        JsonObject merged = object(mergedJson);
        JsonObject survivor = object(survivorJson);
        merged.forEach(out::add);
        survivor.forEach((key, value) -> {
            if (value.getValueType() != JsonValue.ValueType.NULL) {
                out.add(key, value);
            }
        });
        return out.build().toString();
    }

    private static JsonObject object(String json) {
        try (var reader = Json.createReader(new StringReader(json == null ? "{}" : json))) {
            return reader.readObject();
        }
    }

    private static Map<String, String> strings(String json) {
        Map<String, String> map = new LinkedHashMap<>();
        object(json).forEach((key, value) -> map.put(key, value.getValueType() == JsonValue.ValueType.NULL ? null
                : ((jakarta.json.JsonString) value).getString()));
        return map;
    }

    private static String jsonObject(Map<String, String> values) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        values.forEach((k, v) -> {
            if (v == null) {
                b.addNull(k);
            } else {
                b.add(k, v);
            }
        });
        return b.build().toString();
    }

    private static String jsonArray(Iterable<String> values) {
        JsonArrayBuilder b = Json.createArrayBuilder();
        values.forEach(b::add);
        return b.build().toString();
    }

    private static String array(List<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }

    private static List<UUID> uuids(String pgArray) {
        String inner = pgArray == null ? "" : pgArray.replaceAll("[{}]", "").strip();
        return inner.isEmpty() ? List.of() : java.util.Arrays.stream(inner.split(",")).map(UUID::fromString).toList();
    }

    private static String name(Map<String, String> c) {
        return ContactNames.display(c.get("first_name"), c.get("last_name"), c.get("email"));
    }

    private static Map<String, String> choosable() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("firstName", "first_name");
        m.put("lastName", "last_name");
        m.put("phone", "phone");
        m.put("company", "company");
        m.put("jobTitle", "job_title");
        m.put("addressLine", "address_line");
        m.put("postalCode", "postal_code");
        m.put("city", "city");
        m.put("country", "country");
        m.put("owner", "owner_user_id");
        return java.util.Collections.unmodifiableMap(m);
    }

    private static Map<String, String> columns() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String text : List.of("first_name", "last_name", "phone", "company", "job_title", "address_line",
                "postal_code", "city", "country", "email", "consent_source")) {
            m.put(text, "text");
        }
        m.put("owner_user_id", "uuid");
        m.put("tags", "jsonb");
        m.put("custom_fields", "jsonb");
        m.put("marketing_consent", "boolean");
        m.put("marketing_consent_at", "timestamptz");
        m.put("unsubscribed_at", "timestamptz");
        m.put("last_activity_at", "timestamptz");
        return java.util.Collections.unmodifiableMap(m);
    }
}
