package io.eventos.checkin.service;

import io.eventos.account.service.AuditLog;
import io.eventos.checkin.domain.AdmissionRules;
import io.eventos.checkin.domain.CheckInDirection;
import io.eventos.checkin.domain.Refusal;
import io.eventos.crm.domain.ActivityKind;
import io.eventos.crm.service.BuyerContacts;
import io.eventos.platform.persistence.OneStatement;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.security.Authorizer;
import io.eventos.platform.security.EventRef;
import io.eventos.platform.security.Permission;
import io.eventos.platform.security.RequiresPermission;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.DeviceGrant;
import io.eventos.platform.tenancy.TenantBound;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The door: scan a ticket against a check-in list (admit, let out, or refuse with the reason), search tickets by name,
 * email, order code or code prefix, the list's live counts, and undoing an admission. Staff with CHECK_IN (a member
 * limited to the event is enough) or a kiosk device signed in by its link for this list use it.
 * <p>A scan locks the ticket's row ({@code for no key update}), then reads its last movement on the list in a new
 * statement, decides ({@link AdmissionRules}) and writes the entry with its audit record and timeline activity, so two
 * doors scanning one ticket at once admit it once: the second waits for the first's commit and reads its entry. Every
 * attempt is kept in {@code checkin_scans} with its answer under the client's nonce; a retry with that nonce (a
 * request repeated over flaky Wi-Fi) gets the first answer back instead of "already checked in".
 */
@Stateless
@TenantBound
public class DoorService {

    /** How long the person (or device) who admitted someone may take it back without ORDERS_MANAGE. */
    static final long OWN_UNDO_MINUTES = 15;
    static final Duration OWN_UNDO = Duration.ofMinutes(OWN_UNDO_MINUTES);

    @PersistenceContext(unitName = "eventos")
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    BuyerContacts contacts;
    @Inject
    Authorizer authorizer;
    @Inject
    io.eventos.ticketing.service.OrderService orders;
    @Resource
    SessionContext context;
    @Inject
    DoorCountsCache countsCache;

    Clock clock = Clock.systemUTC();

    /** The events the signed-in staff member may check people in to now or soon, each with its default list. */
    @RequiresPermission(Permission.CHECK_IN)
    public List<DoorEvent> openEvents() {
        return CheckInQueries.openEvents(em, authorizer.eventScope(), clock.instant());
    }

    /** The event and list of a door; 404 (access denied) when the list is not the event's or not the device's. */
    @RequiresPermission(Permission.CHECK_IN)
    public DoorEvent door(@EventRef UUID eventId, UUID listId) {
        requireDevicesList(listId);
        return CheckInQueries.door(em, eventId, listId).orElseThrow(() -> new AccessDeniedException("No such list."));
    }

    @RequiresPermission(Permission.CHECK_IN)
    public ScanAnswer scan(@EventRef UUID eventId, UUID listId, ScanRequest request) {
        requireDevicesList(listId);
        String nonce = nonce(request.nonce());
        String input = request.input() == null ? "" : request.input().strip();
        if (input.length() > 200) {
            input = input.substring(0, 200);
        }
        String gate = clean(request.gate(), 80);
        CheckInDirection direction = request.direction() == null ? CheckInDirection.IN : request.direction();
        // an offline scan is decided as of when it was made (never later than now), and kept with that time
        Instant now = request.offline() && request.scannedAt().isBefore(clock.instant()) ? request.scannedAt()
                : clock.instant();
        boolean offline = request.offline();

        DeviceGrant device = CurrentTenant.user().isPresent() ? null : CurrentTenant.device().orElse(null);
        CheckInQueries.AtDoor atDoor = CheckInQueries.lockTicket(em, input.isEmpty() ? "" : code(input), eventId,
                listId, device == null ? null : device.deviceId());
        CheckInQueries.ListRow list = atDoor.list().orElseThrow(() -> new AccessDeniedException("No such list."));
        if (!atDoor.deviceValid()) {
            // the kiosk filter may have checked the device a few seconds ago; the scan itself asks again
            throw new AccessDeniedException("This device's kiosk link has ended (revoked or expired).");
        }
        Optional<CheckInQueries.TicketAtDoor> found = atDoor.ticket();
        if (found.isEmpty()) {
            ScanAnswer answer = new ScanAnswer(ScanAnswer.REFUSED, Refusal.UNKNOWN_CODE, null, null, null, null, null,
                    null, null, null, null, null, false);
            return record(list, nonce, input, direction, gate, null, answer, null, now, offline);
        }
        CheckInQueries.TicketAtDoor ticket = found.get();
        CheckInQueries.Movement last = ticket.facts().eventId().equals(eventId)
                ? CheckInQueries.lastMovement(em, listId, ticket.attendeeId()).orElse(null) : null;
        AdmissionRules.Decision decision = AdmissionRules.decide(ticket.facts(), list.rules(),
                last == null ? null : last.direction(), direction, now);
        String attention = ticket.note() == null || ticket.note().isBlank() ? null : ticket.note().strip();
        if (!decision.allowed()) {
            boolean shownPrevious = decision.refusal() == Refusal.ALREADY_IN || decision.refusal() == Refusal.NO_REENTRY;
            ScanAnswer answer = new ScanAnswer(ScanAnswer.REFUSED, decision.refusal(), ticket.name(),
                    ticket.ticketType(), ticket.orderCode(), attention,
                    decision.refusal() == Refusal.OTHER_EVENT ? ticket.eventName() : null,
                    shownPrevious ? last.at() : null, shownPrevious ? last.gate() : null,
                    shownPrevious ? last.by() : null, ticket.attendeeId(), null, false);
            return record(list, nonce, input, direction, gate, ticket, answer, null, now, offline);
        }
        UUID checkInId = UUID.randomUUID();
        ScanAnswer answer = new ScanAnswer(direction == CheckInDirection.IN ? ScanAnswer.ADMITTED : ScanAnswer.EXITED,
                null, ticket.name(), ticket.ticketType(), ticket.orderCode(), attention, null, null, null, null,
                ticket.attendeeId(), checkInId, false);
        return record(list, nonce, input, direction, gate, ticket, answer, checkInId, now, offline);
    }

    /**
     * Writes the scan with its answer; for an admission or exit also the entry, its audit record and the activity on
     * the ticket holder's contact, all in one statement. A scan whose nonce was already used answers what was stored
     * then, and whatever this attempt wrote is rolled back.
     */
    private ScanAnswer record(CheckInQueries.ListRow list, String nonce, String input, CheckInDirection direction,
                              String gate, CheckInQueries.TicketAtDoor ticket, ScanAnswer answer, UUID checkInId,
                              Instant now, boolean offline) {
        UUID account = CurrentTenant.require();
        UUID user = CurrentTenant.user().orElse(null);
        DeviceGrant device = CurrentTenant.user().isPresent() ? null : CurrentTenant.device().orElse(null);
        String dir = direction == CheckInDirection.IN ? "in" : "out";
        OneStatement statement = new OneStatement();
        if (checkInId != null) {
            UUID auditId = UUID.randomUUID();
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("direction", dir);
            after.put("list", list.name());
            if (gate != null) {
                after.put("gate", gate);
            }
            if (device != null) {
                after.put("device", device.name());
            }
            after.put("nonce", nonce);
            statement.add("entry", new OneStatement.Part("""
                            insert into check_ins (id, account_id, attendee_id, event_id, direction, nonce, gate, device,
                                                   user_id, list_id, device_id, created_at)
                            values (cast(? as uuid), cast(? as uuid), cast(? as uuid), cast(? as uuid), ?, ?, ?, ?,
                                    cast(? as uuid), cast(? as uuid), cast(? as uuid), ?)
                            on conflict (account_id, nonce) do nothing""",
                            checkInId.toString(), account.toString(), ticket.attendeeId().toString(),
                            list.eventId().toString(), dir, nonce, gate, device == null ? null : device.name(),
                            text(user), list.id().toString(), device == null ? null : device.deviceId().toString(),
                            Timestamp.from(now)))
                    .add("audit", audit.insert(auditId, direction == CheckInDirection.IN ? "attendee.checked_in"
                            : "attendee.checked_out", "attendee", ticket.attendeeId(), list.eventId(), null, after));
            // the timeline entry and, for the first at this event, the contact's attendance (V36), same statement
            contacts.addActivityFor(statement, "timeline", ticket.contactId(), ActivityKind.TICKET_CHECKED_IN,
                    (direction == CheckInDirection.IN ? "Checked in at " : "Left ") + ticket.eventName()
                            + (gate == null ? "" : " (" + gate + ")"),
                    list.eventId(), auditId, Map.of("attendee_id", ticket.attendeeId().toString(),
                            "direction", dir, "list", list.name()), now);
        }
        List<?> written = statement.query(em, new OneStatement.Part("""
                        insert into checkin_scans (id, account_id, event_id, list_id, nonce, input, attendee_id,
                                                   direction, result, reason, answer, gate, device_id, user_id,
                                                   scanned_at, offline)
                        values (cast(? as uuid), cast(? as uuid), cast(? as uuid), cast(? as uuid), ?, ?,
                                cast(? as uuid), ?, ?, ?, cast(? as jsonb), ?, cast(? as uuid), cast(? as uuid), ?, ?)
                        on conflict (account_id, nonce) do nothing
                        returning id""",
                UUID.randomUUID().toString(), account.toString(), list.eventId().toString(), list.id().toString(),
                nonce, input, ticket == null ? null : ticket.attendeeId().toString(), dir, answer.result(),
                answer.refusal() == null ? null : answer.refusal().column(), answer.toJson(), gate,
                device == null ? null : device.deviceId().toString(), text(user), Timestamp.from(now), offline))
                .getResultList();
        if (written.isEmpty()) {
            // this nonce was scanned before (the same request, retried): its first answer stands
            context.setRollbackOnly();
            String stored = CheckInQueries.storedAnswer(em, nonce);
            return stored == null ? answer : ScanAnswer.fromJson(stored).asReplay();
        }
        return answer;
    }

    /** The list a kiosk keeps for scanning without network ({@link CheckInQueries#offlineTickets}). */
    @RequiresPermission(Permission.CHECK_IN)
    public OfflineList offlineList(@EventRef UUID eventId, UUID listId) {
        requireDevicesList(listId);
        CheckInQueries.ListRow list = CheckInQueries.list(em, eventId, listId)
                .orElseThrow(() -> new AccessDeniedException("No such list."));
        return new OfflineList(eventId, listId, list.name(), list.mode().column(), list.activeFrom(), list.activeUntil(),
                clock.instant(), CheckInQueries.offlineTickets(em, list));
    }

    /** Whether the signed-in person may also mark orders paid at this event's door (ORDERS_MANAGE); never a device. */
    @RequiresPermission(Permission.CHECK_IN)
    public boolean canMarkPaid(@EventRef UUID eventId) {
        if (CurrentTenant.user().isEmpty()) {
            return false;
        }
        try {
            authorizer.check(Permission.ORDERS_MANAGE, eventId);
            return true;
        } catch (AccessDeniedException e) {
            return false;
        }
    }

    /**
     * Someone with an unpaid order (bank transfer not arrived, pay at the door) pays at the door: the order is marked
     * paid (ticketing's own rules, permission and records: ORDERS_MANAGE, the confirmation mail) and the ticket is
     * scanned again, in one transaction, so either both happen or neither.
     */
    @RequiresPermission(Permission.CHECK_IN)
    public ScanAnswer markPaidAndAdmit(@EventRef UUID eventId, UUID listId, UUID attendeeId, String gate,
                                       String baseUrl) {
        List<?> rows = em.createNativeQuery("""
                        select a.order_id, a.code from attendees a where a.id = ?1 and a.event_id = ?2""")
                .setParameter(1, attendeeId).setParameter(2, eventId).getResultList();
        if (rows.isEmpty()) {
            throw new AccessDeniedException("No such ticket.");
        }
        Object[] r = (Object[]) rows.get(0);
        orders.markPaid(CheckInQueries.uuid(r[0]), baseUrl);
        return scan(eventId, listId, new ScanRequest((String) r[1], null, CheckInDirection.IN, gate));
    }

    /** Up to 25 tickets of the event whose holder's name or email starts with the words, or by order or ticket code. */
    @RequiresPermission(Permission.CHECK_IN)
    public List<DoorHit> search(@EventRef UUID eventId, UUID listId, String query) {
        requireDevicesList(listId);
        if (query == null || query.strip().length() < 2) {
            return List.of();
        }
        return CheckInQueries.search(em, eventId, listId, query.length() > 100 ? query.substring(0, 100) : query);
    }

    @RequiresPermission(Permission.CHECK_IN)
    public DoorCounts counts(@EventRef UUID eventId, UUID listId) {
        requireDevicesList(listId);
        return countsCache.get(CurrentTenant.require(), eventId, listId, () -> CheckInQueries.counts(em,
                CheckInQueries.list(em, eventId, listId).orElseThrow(() -> new AccessDeniedException("No such list."))));
    }

    /**
     * Takes an admission back (a wrong ticket scanned, a person who turned away): the entry stays in the history,
     * marked undone, and the ticket can be admitted again. Whoever made it (the same person or device) may do so for
     * {@value #OWN_UNDO_MINUTES} minutes; later, or someone else's, needs ORDERS_MANAGE for the event.
     */
    @RequiresPermission(Permission.CHECK_IN)
    public void undo(@EventRef UUID eventId, UUID checkInId) {
        List<?> rows = em.createNativeQuery("""
                        select c.attendee_id, c.user_id, c.device_id, c.created_at, c.undone_at, c.direction, c.list_id
                        from check_ins c where c.id = ?1 and c.event_id = ?2""")
                .setParameter(1, checkInId).setParameter(2, eventId).getResultList();
        if (rows.isEmpty()) {
            throw new AccessDeniedException("No such admission.");
        }
        Object[] r = (Object[]) rows.get(0);
        UUID attendee = CheckInQueries.uuid(r[0]);
        requireDevicesList(CheckInQueries.uuid(r[6]));
        if (r[4] != null) {
            throw new CheckInException(null, "This admission was already taken back.");
        }
        if (!"in".equals(r[5])) {
            throw new CheckInException(null, "Only an entry can be taken back.");
        }
        UUID user = CurrentTenant.user().orElse(null);
        DeviceGrant device = user == null ? CurrentTenant.device().orElse(null) : null;
        boolean own = (user != null && user.equals(CheckInQueries.uuid(r[1])))
                || (device != null && device.deviceId().equals(CheckInQueries.uuid(r[2])));
        Instant at = CheckInQueries.instant(r[3]);
        if (!own || at.plus(OWN_UNDO).isBefore(clock.instant())) {
            authorizer.check(Permission.ORDERS_MANAGE, eventId);
        }
        // the ticket's row first, as a scan takes it: an undo and a scan of the same ticket come one after the other
        em.createNativeQuery("select id from attendees where id = ?1" + (CheckInQueries.lockTickets
                ? " for no key update" : "")).setParameter(1, attendee).getResultList();
        int changed = em.createNativeQuery("""
                        update check_ins set undone_at = now(), undone_by = cast(?2 as uuid)
                        where id = ?1 and undone_at is null""")
                .setParameter(1, checkInId).setParameter(2, text(user)).executeUpdate();
        if (changed == 0) {
            throw new CheckInException(null, "This admission was already taken back.");
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("check_in_id", checkInId.toString());
        if (device != null) {
            after.put("device", device.name());
        }
        audit.record("attendee.check_in_undone", "attendee", attendee, null, after).setEventId(eventId);
    }

    /** A device signed in by its link works on its own list only. */
    private static void requireDevicesList(UUID listId) {
        if (CurrentTenant.user().isEmpty()) {
            CurrentTenant.device().ifPresent(grant -> {
                if (!grant.listId().equals(listId)) {
                    throw new AccessDeniedException("This check-in device works on its own list only.");
                }
            });
        }
    }

    /** What a scanner typed: the code itself, or (from a link in a QR code) the last part of the path. */
    static String code(String input) {
        String code = input.strip();
        int slash = code.lastIndexOf('/');
        if (slash >= 0 && slash < code.length() - 1) {
            code = code.substring(slash + 1);
        }
        return code;
    }

    private static String nonce(String nonce) {
        if (nonce == null || nonce.isBlank()) {
            return UUID.randomUUID().toString();
        }
        String n = nonce.strip();
        return n.length() > 100 ? n.substring(0, 100) : n;
    }

    private static String clean(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().replaceAll("\\p{Cntrl}", "");
        return t.length() > max ? t.substring(0, max) : t;
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }
}
