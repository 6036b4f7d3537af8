package io.eventos.checkin.service;

import io.eventos.account.service.AuditLog;
import io.eventos.checkin.domain.ListMode;
import io.eventos.platform.input.InputProblem;
import io.eventos.platform.crypto.RandomTokens;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.security.EventRef;
import io.eventos.platform.security.Permission;
import io.eventos.platform.security.RequiresPermission;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.TenantBound;
import io.eventos.ticketing.service.TicketTypeNames;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The organizer's side of check-in for one event: its check-in lists (every event has a default one admitting all
 * ticket types), kiosk links for devices without a personal account, and the history of every scan attempt. Changes
 * need EVENTS_MANAGE and are audited; reading needs VIEW.
 */
@Stateless
@TenantBound
public class CheckInListService {

    /** How long a kiosk link may be valid at most: a week covers a festival. */
    static final Duration LONGEST_DEVICE_LINK = Duration.ofDays(14);

    @PersistenceContext(unitName = "eventos")
    EntityManager em;
    @Inject
    AuditLog audit;
    @Inject
    DoorCountsCache countsCache;
    @Inject
    TicketTypeNames ticketTypeNames;

    Clock clock = Clock.systemUTC();

    @RequiresPermission(Permission.VIEW)
    public List<CheckInListView> lists(@EventRef UUID eventId) {
        Map<UUID, String> types = ticketTypeNames.of(eventId);
        return CheckInQueries.lists(em, eventId).stream().map(l -> view(l, types)).toList();
    }

    /** The event's ticket types, id → name, for choosing what a list admits. */
    @RequiresPermission(Permission.VIEW)
    public Map<UUID, String> ticketTypes(@EventRef UUID eventId) {
        return ticketTypeNames.of(eventId);
    }

    /** Creates a list ({@code listId} null) or changes one; every refused value is named with its field. */
    @RequiresPermission(Permission.EVENTS_MANAGE)
    public UUID saveList(@EventRef UUID eventId, UUID listId, CheckInListForm form) {
        Map<UUID, String> types = ticketTypeNames.of(eventId);
        CheckInListForm clean = validate(form, types);
        if (listId == null) {
            UUID id = UUID.randomUUID();
            CheckInQueries.insertList(em, id, eventId, clean);
            audit.record("checkin_list.created", "checkin_list", id, null, describe(clean, types)).setEventId(eventId);
            return id;
        }
        CheckInQueries.ListRow before = CheckInQueries.list(em, eventId, listId)
                .orElseThrow(() -> new AccessDeniedException("No such list."));
        CheckInQueries.updateList(em, listId, clean);
        audit.record("checkin_list.updated", "checkin_list", listId,
                describe(new CheckInListForm(before.name(), before.ticketIds() == null ? List.of()
                        : List.copyOf(before.ticketIds()), before.admitPending(), before.mode(), before.activeFrom(),
                        before.activeUntil()), types), describe(clean, types)).setEventId(eventId);
        return listId;
    }

    private static CheckInListForm validate(CheckInListForm form, Map<UUID, String> types) {
        List<InputProblem> problems = new ArrayList<>();
        String name = form.name() == null ? "" : form.name().strip();
        if (name.isEmpty()) {
            problems.add(new InputProblem("name", "Give the list a name, e.g. “Main entrance”."));
        } else if (name.length() > 120 || name.chars().anyMatch(Character::isISOControl)) {
            problems.add(new InputProblem("name",
                    "Use at most 120 characters, without control characters."));
        }
        List<UUID> ticketIds = form.ticketIds() == null ? List.of() : form.ticketIds();
        if (!types.keySet().containsAll(ticketIds)) {
            problems.add(new InputProblem("ticketIds",
                    "Choose ticket types of this event only."));
        }
        if (form.activeFrom() != null && form.activeUntil() != null && !form.activeUntil().isAfter(form.activeFrom())) {
            problems.add(new InputProblem("activeUntil",
                    "The list must close after it opens."));
        }
        if (!problems.isEmpty()) {
            throw new CheckInInputException(problems);
        }
        return new CheckInListForm(name, ticketIds.isEmpty() ? null : List.copyOf(ticketIds), form.admitPending(),
                form.mode() == null ? ListMode.ONCE : form.mode(), form.activeFrom(), form.activeUntil());
    }

    private static Map<String, Object> describe(CheckInListForm form, Map<UUID, String> types) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", form.name());
        map.put("ticket_types", form.ticketIds() == null || form.ticketIds().isEmpty() ? "all"
                : form.ticketIds().stream().map(id -> types.getOrDefault(id, id.toString())).toList());
        map.put("admit_pending", form.admitPending());
        map.put("mode", form.mode().column());
        if (form.activeFrom() != null) {
            map.put("active_from", form.activeFrom().toString());
        }
        if (form.activeUntil() != null) {
            map.put("active_until", form.activeUntil().toString());
        }
        return map;
    }

    private static CheckInListView view(CheckInQueries.ListRow l, Map<UUID, String> types) {
        List<UUID> ids = l.ticketIds() == null ? List.of() : List.copyOf(l.ticketIds());
        return new CheckInListView(l.id(), l.eventId(), l.name(), ids,
                ids.stream().map(id -> types.getOrDefault(id, "(deleted ticket type)")).toList(), l.admitPending(),
                l.mode(), l.activeFrom(), l.activeUntil(), l.isDefault());
    }

    /** A list's live counts (at most {@value DoorCountsCache#SECONDS} s old), for the organizer's page. */
    @RequiresPermission(Permission.VIEW)
    public DoorCounts counts(@EventRef UUID eventId, UUID listId) {
        return countsCache.get(CurrentTenant.require(), eventId, listId, () -> CheckInQueries.counts(em,
                CheckInQueries.list(em, eventId, listId).orElseThrow(() -> new AccessDeniedException("No such list."))));
    }

    // ---------------------------------------------------------------------------------------- kiosk links

    @RequiresPermission(Permission.VIEW)
    public List<DeviceView> devices(@EventRef UUID eventId) {
        return CheckInQueries.devices(em, eventId);
    }

    /**
     * A kiosk link for one list of the event, valid for {@code validFor}; the returned link holds the only copy of its
     * token (the table keeps its SHA-256), so it is shown once.
     */
    @RequiresPermission(Permission.EVENTS_MANAGE)
    public String createDevice(@EventRef UUID eventId, UUID listId, String name, Duration validFor, String baseUrl) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 80 || label.chars().anyMatch(Character::isISOControl)) {
            throw new CheckInException("deviceName", "Name the device (at most 80 characters), e.g. “North door tablet”.");
        }
        if (listId == null || CheckInQueries.list(em, eventId, listId).isEmpty()) {
            throw new CheckInException("deviceList", "Choose one of this event's check-in lists.");
        }
        if (validFor == null || validFor.isNegative() || validFor.isZero() || validFor.compareTo(LONGEST_DEVICE_LINK) > 0) {
            throw new CheckInException("deviceHours", "A link is valid for at most 14 days.");
        }
        String token = RandomTokens.urlSafe(32);
        UUID id = UUID.randomUUID();
        Instant expires = clock.instant().plus(validFor);
        em.createNativeQuery("""
                        insert into checkin_devices (id, account_id, event_id, list_id, name, token_hash, expires_at,
                                                     created_by)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as uuid))""")
                .setParameter(1, id).setParameter(2, CurrentTenant.require()).setParameter(3, eventId)
                .setParameter(4, listId).setParameter(5, label).setParameter(6, RandomTokens.sha256Hex(token))
                .setParameter(7, Timestamp.from(expires))
                .setParameter(8, CurrentTenant.user().map(UUID::toString).orElse(null)).executeUpdate();
        audit.record("checkin_device.created", "checkin_device", id, null,
                Map.of("name", label, "list_id", listId.toString(), "expires_at", expires.toString()))
                .setEventId(eventId);
        return baseUrl + "/checkin/device.xhtml?account=" + CurrentTenant.require() + "&token=" + token;
    }

    @RequiresPermission(Permission.EVENTS_MANAGE)
    public void revokeDevice(@EventRef UUID eventId, UUID deviceId) {
        int changed = em.createNativeQuery("""
                        update checkin_devices set revoked_at = now()
                        where id = ?1 and event_id = ?2 and revoked_at is null""")
                .setParameter(1, deviceId).setParameter(2, eventId).executeUpdate();
        if (changed == 0) {
            throw new CheckInException(null, "This link was already revoked.");
        }
        audit.record("checkin_device.revoked", "checkin_device", deviceId, null, Map.of()).setEventId(eventId);
    }

    // ---------------------------------------------------------------------------------------- history

    /**
     * The event's scan attempts, newest first: {@code result} "admitted", "exited", "refused" or null for all;
     * "conflict" for scans made offline that the server refused on upload (the reconciliation report), or null for
     * all; {@code text} a name, code or gate prefix, or null.
     */
    @RequiresPermission(Permission.VIEW)
    public List<ScanRecord> history(@EventRef UUID eventId, String result, String text, int limit) {
        String r = result != null && Set.of("admitted", "exited", "refused", "conflict").contains(result) ? result : null;
        String t = text == null || text.isBlank() ? null : text.strip();
        if (t != null && t.length() > 100) {
            t = t.substring(0, 100);
        }
        return CheckInQueries.history(em, eventId, r, t, Math.max(1, Math.min(limit, 500)));
    }
}
