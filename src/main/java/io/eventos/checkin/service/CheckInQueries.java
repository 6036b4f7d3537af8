package io.eventos.checkin.service;

import io.eventos.checkin.domain.AdmissionRules;
import io.eventos.checkin.domain.CheckInDirection;
import io.eventos.checkin.domain.ListMode;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The check-in context's SQL, in one place. It writes only the context's own tables ({@code checkin_lists},
 * {@code checkin_devices}, {@code checkin_scans}, {@code check_ins}); it reads ticketing's attendees, orders and ticket
 * types and the event's name, zone and start as a read model (read-only joins, documented in docs/architecture.md):
 * the scan must decide from them under one row lock, in as few round trips as possible.
 */
final class CheckInQueries {

    /** Test-only control: false skips the ticket's row lock so a test can show the race it prevents. */
    static volatile boolean lockTickets = true;

    private CheckInQueries() {
    }

    // ------------------------------------------------------------------------------------------------ lists

    record ListRow(UUID id, UUID eventId, String name, Set<UUID> ticketIds, boolean admitPending, ListMode mode,
                   Instant activeFrom, Instant activeUntil, boolean isDefault) {

        AdmissionRules.ListRules rules() {
            return new AdmissionRules.ListRules(eventId, ticketIds, admitPending, mode, activeFrom, activeUntil);
        }
    }

    private static final String LIST_COLUMNS = """
            select l.id, l.event_id, l.name, cast(l.ticket_ids as text), l.admit_pending, l.mode, l.active_from,
                   l.active_until, l.is_default
            from checkin_lists l""";

    static Optional<ListRow> list(EntityManager em, UUID eventId, UUID listId) {
        List<?> rows = em.createNativeQuery(LIST_COLUMNS + " where l.id = ?1 and l.event_id = ?2")
                .setParameter(1, listId).setParameter(2, eventId).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(listRow((Object[]) rows.get(0)));
    }

    static List<ListRow> lists(EntityManager em, UUID eventId) {
        return em.createNativeQuery(LIST_COLUMNS + " where l.event_id = ?1 order by l.is_default desc, lower(l.name)")
                .setParameter(1, eventId).getResultStream().map(r -> listRow((Object[]) r)).toList();
    }

    private static ListRow listRow(Object[] r) {
        return new ListRow(uuid(r[0]), uuid(r[1]), (String) r[2], uuidSet((String) r[3]), (Boolean) r[4],
                ListMode.ofColumn((String) r[5]), instant(r[6]), instant(r[7]), (Boolean) r[8]);
    }

    static void insertList(EntityManager em, UUID id, UUID eventId, CheckInListForm form) {
        em.createNativeQuery("""
                        insert into checkin_lists (id, account_id, event_id, name, ticket_ids, admit_pending, mode,
                                                   active_from, active_until)
                        values (?1, ?2, ?3, ?4, cast(?5 as uuid[]), ?6, ?7, ?8, ?9)""")
                .setParameter(1, id).setParameter(2, io.eventos.platform.tenancy.CurrentTenant.require())
                .setParameter(3, eventId).setParameter(4, form.name())
                .setParameter(5, uuidArray(form.ticketIds())).setParameter(6, form.admitPending())
                .setParameter(7, form.mode().column()).setParameter(8, timestamp(form.activeFrom()))
                .setParameter(9, timestamp(form.activeUntil())).executeUpdate();
    }

    static void updateList(EntityManager em, UUID id, CheckInListForm form) {
        em.createNativeQuery("""
                        update checkin_lists set name = ?2, ticket_ids = cast(?3 as uuid[]), admit_pending = ?4,
                               mode = ?5, active_from = ?6, active_until = ?7, updated_at = now()
                        where id = ?1""")
                .setParameter(1, id).setParameter(2, form.name()).setParameter(3, uuidArray(form.ticketIds()))
                .setParameter(4, form.admitPending()).setParameter(5, form.mode().column())
                .setParameter(6, timestamp(form.activeFrom())).setParameter(7, timestamp(form.activeUntil()))
                .executeUpdate();
    }

    // ------------------------------------------------------------------------------------------- the door

    /** The event and list a door admits to; empty if the list is not the event's. */
    static Optional<DoorEvent> door(EntityManager em, UUID eventId, UUID listId) {
        List<?> rows = em.createNativeQuery("""
                        select e.name, e.time_zone, e.starts_at, l.name, l.mode
                        from checkin_lists l join events e on e.account_id = l.account_id and e.id = l.event_id
                        where l.id = ?1 and l.event_id = ?2""")
                .setParameter(1, listId).setParameter(2, eventId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        return Optional.of(new DoorEvent(eventId, (String) r[0], (String) r[1], instant(r[2]), listId, (String) r[3],
                ListMode.ofColumn((String) r[4])));
    }

    /**
     * Events people can be checked in to now or soon (not drafts, not cancelled, not ended more than a day ago), each
     * with its default list, soonest first; {@code scope} limits them to a member's events.
     */
    static List<DoorEvent> openEvents(EntityManager em, Optional<Set<UUID>> scope, Instant now) {
        String sql = """
                select e.id, e.name, e.time_zone, e.starts_at, l.id, l.name, l.mode
                from events e join checkin_lists l on l.account_id = e.account_id and l.event_id = e.id and l.is_default
                where e.status in ('published', 'completed') and e.ends_at > ?1
                """ + (scope.isPresent() ? " and e.id = any(cast(?2 as uuid[]))" : "") + """
                 order by e.starts_at limit 50""";
        var query = em.createNativeQuery(sql).setParameter(1, timestamp(now.minusSeconds(86_400)));
        scope.ifPresent(ids -> query.setParameter(2, uuidArray(ids)));
        return query.getResultStream().map(o -> {
            Object[] r = (Object[]) o;
            return new DoorEvent(uuid(r[0]), (String) r[1], (String) r[2], instant(r[3]), uuid(r[4]), (String) r[5],
                    ListMode.ofColumn((String) r[6]));
        }).toList();
    }

    /** A ticket read at the door, with its row locked (unless the test control switched the lock off). */
    record TicketAtDoor(UUID attendeeId, AdmissionRules.Ticket facts, String name, String ticketType,
                        String orderCode, String note, UUID contactId, String eventName) {
    }

    /** What one statement at the door reads: the ticket (absent for an unknown code), the list, the device's state. */
    record AtDoor(Optional<TicketAtDoor> ticket, Optional<ListRow> list, boolean deviceValid) {
    }

    /** Whether the device named by parameter {@code ?n} (null for a person) is valid for the list {@code l}. */
    private static String deviceValid(int n) {
        return """
                (cast(?%1$d as uuid) is null or exists (select 1 from checkin_devices d
                 where d.id = cast(?%1$d as uuid) and d.list_id = l.id and d.revoked_at is null
                   and d.expires_at > now()))""".formatted(n);
    }

    /**
     * The scan's read, one round trip in the usual case: the ticket with its code and its row locked, the list it is
     * scanned against (which must be the event's), and whether {@code deviceId} (a kiosk device, or null for a person)
     * is still valid for that list. An unknown code costs a second statement for the list and the device.
     */
    static AtDoor lockTicket(EntityManager em, String code, UUID eventId, UUID listId, UUID deviceId) {
        // "for no key update of a": only the attendee row, and in the weaker mode, so foreign-key checks of rows that
        // name the attendee (its check-ins) are not blocked; two scans of one ticket still wait for each other
        List<?> rows = code.isEmpty() ? List.of() : em.createNativeQuery("""
                        select a.id, a.event_id, a.ticket_id, a.status, o.status, a.first_name, a.last_name, t.name,
                               o.code, o.internal_note, coalesce(a.contact_id, o.buyer_contact_id), e.name,
                               l.id, l.event_id, l.name, cast(l.ticket_ids as text), l.admit_pending, l.mode,
                               l.active_from, l.active_until, l.is_default,""" + deviceValid(4) + """

                        from attendees a
                        join orders o on o.account_id = a.account_id and o.id = a.order_id
                        join tickets t on t.account_id = a.account_id and t.id = a.ticket_id
                        join events e on e.account_id = a.account_id and e.id = a.event_id
                        join checkin_lists l on l.account_id = a.account_id and l.id = ?2 and l.event_id = ?3
                        where a.code = ?1""" + (lockTickets ? " for no key update of a" : ""))
                .setParameter(1, code).setParameter(2, listId).setParameter(3, eventId)
                .setParameter(4, deviceId == null ? null : deviceId.toString()).getResultList();
        if (rows.isEmpty()) {
            List<?> lists = em.createNativeQuery("""
                            select l.id, l.event_id, l.name, cast(l.ticket_ids as text), l.admit_pending, l.mode,
                                   l.active_from, l.active_until, l.is_default,""" + deviceValid(3) + """

                            from checkin_lists l where l.id = ?1 and l.event_id = ?2""")
                    .setParameter(1, listId).setParameter(2, eventId)
                    .setParameter(3, deviceId == null ? null : deviceId.toString()).getResultList();
            if (lists.isEmpty()) {
                return new AtDoor(Optional.empty(), Optional.empty(), false);
            }
            Object[] l = (Object[]) lists.get(0);
            return new AtDoor(Optional.empty(), Optional.of(listRow(l)), (Boolean) l[9]);
        }
        Object[] r = (Object[]) rows.get(0);
        String name = ((r[5] == null ? "" : r[5]) + " " + (r[6] == null ? "" : r[6])).strip();
        TicketAtDoor ticket = new TicketAtDoor(uuid(r[0]),
                new AdmissionRules.Ticket(uuid(r[1]), uuid(r[2]), (String) r[3], (String) r[4]),
                name.isEmpty() ? "Guest" : name, (String) r[7], (String) r[8], (String) r[9], uuid(r[10]),
                (String) r[11]);
        Object[] list = Arrays.copyOfRange(r, 12, 21);
        return new AtDoor(Optional.of(ticket), Optional.of(listRow(list)), (Boolean) r[21]);
    }

    /** A ticket's last entry or exit on a list that was not undone: what, when, where and by whom (person or device). */
    record Movement(UUID id, CheckInDirection direction, Instant at, String gate, String by) {
    }

    /**
     * Read in its own statement after {@link #lockTicket}: a statement that waited for the row lock keeps the snapshot
     * it started with for every other table, so a join here would miss the admission that held the lock.
     */
    static Optional<Movement> lastMovement(EntityManager em, UUID listId, UUID attendeeId) {
        List<?> rows = em.createNativeQuery("""
                        select c.id, c.direction, c.created_at, c.gate, coalesce(u.name, d.name, c.device)
                        from check_ins c
                        left join users u on u.id = c.user_id
                        left join checkin_devices d on d.account_id = c.account_id and d.id = c.device_id
                        where c.account_id = ?1 and c.list_id = ?2 and c.attendee_id = ?3 and c.undone_at is null
                        order by c.created_at desc limit 1""")
                .setParameter(1, io.eventos.platform.tenancy.CurrentTenant.require()).setParameter(2, listId)
                .setParameter(3, attendeeId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        return Optional.of(new Movement(uuid(r[0]), CheckInDirection.valueOf(((String) r[1]).toUpperCase(Locale.ROOT)),
                instant(r[2]), (String) r[3], (String) r[4]));
    }

    static String storedAnswer(EntityManager em, String nonce) {
        List<?> rows = em.createNativeQuery("""
                        select cast(answer as text) from checkin_scans where account_id = ?1 and nonce = ?2""")
                .setParameter(1, io.eventos.platform.tenancy.CurrentTenant.require()).setParameter(2, nonce)
                .getResultList();
        return rows.isEmpty() ? null : (String) rows.get(0);
    }

    static List<DoorHit> search(EntityManager em, UUID eventId, UUID listId, String query) {
        String q = query.strip();
        String words = likePrefix(q.toLowerCase(Locale.ROOT));
        return em.createNativeQuery("""
                        select a.id, a.code, a.first_name, a.last_name, a.email, o.code, t.name, a.status, o.status,
                               (select c.direction from check_ins c
                                where c.account_id = a.account_id and c.list_id = ?2 and c.attendee_id = a.id
                                  and c.undone_at is null
                                order by c.created_at desc limit 1)
                        from attendees a
                        join orders o on o.account_id = a.account_id and o.id = a.order_id
                        join tickets t on t.account_id = a.account_id and t.id = a.ticket_id
                        where a.account_id = ?3 and a.event_id = ?1
                          and (lower(a.last_name) like ?4 escape '\\' or lower(a.first_name) like ?4 escape '\\'
                               or lower(coalesce(a.first_name, '') || ' ' || coalesce(a.last_name, '')) like ?4 escape '\\'
                               or lower(a.email) like ?4 escape '\\' or o.code = upper(?5)
                               or (length(?5) >= 4 and a.code like ?6 escape '\\'))
                        order by lower(a.last_name), lower(a.first_name), a.code
                        limit 25""")
                .setParameter(1, eventId).setParameter(2, listId)
                .setParameter(3, io.eventos.platform.tenancy.CurrentTenant.require())
                .setParameter(4, words).setParameter(5, q).setParameter(6, likePrefix(q))
                .getResultStream().map(o -> {
                    Object[] r = (Object[]) o;
                    String name = ((r[2] == null ? "" : r[2]) + " " + (r[3] == null ? "" : r[3])).strip();
                    return new DoorHit(uuid(r[0]), (String) r[1], name.isEmpty() ? "Guest" : name, (String) r[4],
                            (String) r[5], (String) r[6], (String) r[7], (String) r[8], (String) r[9]);
                }).toList();
    }

    /** "ada" → "ada%", with LIKE's own characters escaped so they match themselves. */
    static String likePrefix(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    static DoorCounts counts(EntityManager em, ListRow list) {
        List<?> rows = em.createNativeQuery("""
                        with valid as (
                            select a.id, a.ticket_id from attendees a
                            join orders o on o.account_id = a.account_id and o.id = a.order_id
                            where a.account_id = ?1 and a.event_id = ?2 and a.status = 'valid'
                              and (o.status = 'paid' or (?3 and o.status = 'pending'))
                              and (cast(?4 as uuid[]) is null or a.ticket_id = any(cast(?4 as uuid[])))),
                        last as (
                            select distinct on (c.attendee_id) c.attendee_id, c.direction from check_ins c
                            where c.account_id = ?1 and c.list_id = ?5 and c.undone_at is null
                            order by c.attendee_id, c.created_at desc)
                        select t.name, count(*), count(l.attendee_id), count(*) filter (where l.direction = 'in')
                        from valid v
                        join tickets t on t.account_id = ?1 and t.id = v.ticket_id
                        left join last l on l.attendee_id = v.id
                        group by t.id, t.name, t.sort_order
                        order by t.sort_order, t.name""")
                .setParameter(1, io.eventos.platform.tenancy.CurrentTenant.require())
                .setParameter(2, list.eventId()).setParameter(3, list.admitPending())
                .setParameter(4, list.ticketIds() == null ? null : uuidArray(list.ticketIds()))
                .setParameter(5, list.id()).getResultList();
        List<DoorCounts.TypeCount> types = new ArrayList<>();
        long expected = 0;
        long checkedIn = 0;
        long inside = 0;
        for (Object o : rows) {
            Object[] r = (Object[]) o;
            var type = new DoorCounts.TypeCount((String) r[0], number(r[1]), number(r[2]), number(r[3]));
            types.add(type);
            expected += type.expected();
            checkedIn += type.checkedIn();
            inside += type.inside();
        }
        return new DoorCounts(expected, checkedIn, inside, List.copyOf(types));
    }

    static List<ScanRecord> history(EntityManager em, UUID eventId, String result, String text, int limit) {
        StringBuilder sql = new StringBuilder("""
                select s.id, s.scanned_at, s.input, s.direction, s.result, s.reason, s.offline,
                       nullif(trim(coalesce(a.first_name, '') || ' ' || coalesce(a.last_name, '')), ''),
                       s.gate, coalesce(u.name, d.name), l.name
                from checkin_scans s
                join checkin_lists l on l.account_id = s.account_id and l.id = s.list_id
                left join attendees a on a.account_id = s.account_id and a.id = s.attendee_id
                left join users u on u.id = s.user_id
                left join checkin_devices d on d.account_id = s.account_id and d.id = s.device_id
                where s.account_id = ?1 and s.event_id = ?2""");
        if ("conflict".equals(result)) {
            // scans made offline that the server refused when they were uploaded: admitted at that door, but the
            // ticket had come in elsewhere (or was refunded) meanwhile
            sql.append(" and s.offline and s.result = 'refused'");
        } else if (result != null) {
            sql.append(" and s.result = ?3");
        }
        if (text != null) {
            sql.append("""
                     \sand (lower(a.last_name) like ?4 escape '\\' or lower(a.first_name) like ?4 escape '\\'
                          or lower(s.input) like ?4 escape '\\' or lower(s.gate) like ?4 escape '\\')""");
        }
        sql.append(" order by s.created_at desc, s.id limit ?5");
        var query = em.createNativeQuery(sql.toString())
                .setParameter(1, io.eventos.platform.tenancy.CurrentTenant.require()).setParameter(2, eventId)
                .setParameter(5, limit);
        if (result != null && !"conflict".equals(result)) {
            query.setParameter(3, result);
        }
        if (text != null) {
            query.setParameter(4, likePrefix(text.strip().toLowerCase(Locale.ROOT)));
        }
        return query.getResultStream().map(o -> {
            Object[] r = (Object[]) o;
            return new ScanRecord(uuid(r[0]), instant(r[1]), (String) r[2], (String) r[3], (String) r[4],
                    (String) r[5], Boolean.TRUE.equals(r[6]), (String) r[7], (String) r[8], (String) r[9],
                    (String) r[10]);
        }).toList();
    }

    /**
     * What a kiosk keeps to admit people while it has no network: the tickets the list admits now (valid; paid, or
     * pending where the list admits unpaid orders; of its ticket types), each as the SHA-256 of its code (the device
     * never holds usable codes), the holder's name, the ticket type and whether it is inside.
     */
    static List<OfflineTicket> offlineTickets(EntityManager em, ListRow list) {
        return em.createNativeQuery("""
                        with last as (
                            select distinct on (c.attendee_id) c.attendee_id, c.direction from check_ins c
                            where c.account_id = ?1 and c.list_id = ?5 and c.undone_at is null
                            order by c.attendee_id, c.created_at desc)
                        select encode(sha256(convert_to(a.code, 'UTF8')), 'hex'),
                               trim(coalesce(a.first_name, '') || ' ' || coalesce(a.last_name, '')), t.name,
                               l.direction = 'in'
                        from attendees a
                        join orders o on o.account_id = a.account_id and o.id = a.order_id
                        join tickets t on t.account_id = a.account_id and t.id = a.ticket_id
                        left join last l on l.attendee_id = a.id
                        where a.account_id = ?1 and a.event_id = ?2 and a.status = 'valid'
                          and (o.status = 'paid' or (?3 and o.status = 'pending'))
                          and (cast(?4 as uuid[]) is null or a.ticket_id = any(cast(?4 as uuid[])))""")
                .setParameter(1, io.eventos.platform.tenancy.CurrentTenant.require())
                .setParameter(2, list.eventId()).setParameter(3, list.admitPending())
                .setParameter(4, list.ticketIds() == null ? null : uuidArray(list.ticketIds()))
                .setParameter(5, list.id()).getResultStream().map(o -> {
                    Object[] r = (Object[]) o;
                    return new OfflineTicket((String) r[0], ((String) r[1]).isEmpty() ? "Guest" : (String) r[1],
                            (String) r[2], Boolean.TRUE.equals(r[3]));
                }).toList();
    }

    // ------------------------------------------------------------------------------------------- devices

    static List<DeviceView> devices(EntityManager em, UUID eventId) {
        return em.createNativeQuery("""
                        select d.id, d.name, l.name, d.expires_at, d.revoked_at, d.last_seen_at, d.created_at
                        from checkin_devices d join checkin_lists l on l.account_id = d.account_id and l.id = d.list_id
                        where d.event_id = ?1 order by d.created_at desc""")
                .setParameter(1, eventId).getResultStream().map(o -> {
                    Object[] r = (Object[]) o;
                    return new DeviceView(uuid(r[0]), (String) r[1], (String) r[2], instant(r[3]), instant(r[4]),
                            instant(r[5]), instant(r[6]));
                }).toList();
    }

    // ------------------------------------------------------------------------------------------- values

    static UUID uuid(Object value) {
        return value == null ? null : value instanceof UUID id ? id : UUID.fromString(value.toString());
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        throw new IllegalArgumentException("not a time: " + value.getClass());
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** PostgreSQL's text form of a uuid[] ("{a,b}"), or null for null. */
    static String uuidArray(Collection<UUID> ids) {
        return ids == null ? null : ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }

    static Set<UUID> uuidSet(String array) {
        if (array == null) {
            return null;
        }
        String inner = array.substring(1, array.length() - 1).strip();
        if (inner.isEmpty()) {
            return Set.of();
        }
        return Arrays.stream(inner.split(",")).map(s -> UUID.fromString(s.strip()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
