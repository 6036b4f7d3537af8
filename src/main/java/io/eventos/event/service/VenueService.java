package io.eventos.event.service;

import io.eventos.platform.input.InputProblem;
import io.eventos.account.service.AuditLog;
import io.eventos.event.domain.MapLinks;
import io.eventos.event.domain.Venue;
import io.eventos.event.domain.VenueRoom;
import io.eventos.event.domain.VenueStatus;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.security.Authorizer;
import io.eventos.platform.security.Permission;
import io.eventos.platform.security.RequiresPermission;
import io.eventos.platform.tenancy.TenantBound;
import io.eventos.platform.text.SafeUrls;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Venues of the bound account and their rooms. A venue that any event uses is never deleted, only archived:
 * it stays on those events but is no longer offered for new ones. Venues belong to the whole account, so a member
 * limited to some events can see them but not change them. Every change is audited.
 */
@Stateless
@TenantBound
public class VenueService {

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    @Inject
    AuditLog audit;
    @Inject
    Authorizer authorizer;

    /** All venues (archived ones last if included), with how many rooms and events each has. */
    @RequiresPermission(Permission.VIEW)
    public List<VenueRow> list(boolean includeArchived) {
        List<?> rows = em.createNativeQuery("""
                        select v.id, v.name, v.city, v.country, v.time_zone, v.capacity,
                               (select count(*) from venue_rooms r where r.venue_id = v.id),
                               (select count(*) from events e where e.venue_id = v.id),
                               v.status = 'archived'
                        from venues v
                        where ?1 or v.status = 'active'
                        order by v.status, lower(v.name), v.id""")
                .setParameter(1, includeArchived)
                .getResultList();
        return rows.stream().map(r -> (Object[]) r).map(r -> new VenueRow((UUID) r[0], (String) r[1],
                (String) r[2], r[3] == null ? null : r[3].toString().trim(), (String) r[4],
                r[5] == null ? null : ((Number) r[5]).intValue(), ((Number) r[6]).longValue(),
                ((Number) r[7]).longValue(), (Boolean) r[8])).toList();
    }

    /**
     * Venues to choose from for an event: the active ones, plus {@code keep} (the event's current venue) even if it
     * was archived since.
     */
    @RequiresPermission(Permission.VIEW)
    public List<VenueOption> options(UUID keep) {
        return em.createQuery("""
                        select v from Venue v where v.status = :active or v.id = :keep
                        order by lower(v.name), v.id""", Venue.class)
                .setParameter("active", VenueStatus.ACTIVE)
                .setParameter("keep", keep == null ? new UUID(0, 0) : keep)
                .getResultStream()
                .map(v -> new VenueOption(v.getId(), label(v), v.getTimeZone(), v.getStatus() == VenueStatus.ARCHIVED))
                .toList();
    }

    @RequiresPermission(Permission.VIEW)
    public Optional<VenueDetails> find(UUID id) {
        Venue venue = id == null ? null : em.find(Venue.class, id);
        return Optional.ofNullable(venue).map(this::details);
    }

    /** Creates a venue with its rooms; returns its id. */
    @RequiresPermission(Permission.EVENTS_MANAGE)
    public UUID create(VenueInput input) {
        requireAccountWide();
        Clean clean = validate(input);
        Venue venue = new Venue(clean.name, clean.timeZone);
        apply(venue, clean);
        em.persist(venue);
        for (RoomInput room : clean.rooms) {
            VenueRoom created = new VenueRoom(venue, room.name());
            created.setCapacity(room.capacity());
            em.persist(created);
        }
        em.flush();
        audit.record("venue.created", "venue", venue.getId(), null, snapshot(venue, roomsOf(venue)));
        return venue.getId();
    }

    /** Saves a venue and its rooms (rooms missing from the input are removed, unless agenda sessions use them). */
    @RequiresPermission(Permission.EVENTS_MANAGE)
    public void update(UUID id, VenueInput input) {
        requireAccountWide();
        Venue venue = existing(id);
        Clean clean = validate(input);
        List<VenueRoom> rooms = roomsOf(venue);
        Map<String, Object> before = snapshot(venue, rooms);
        Map<UUID, VenueRoom> byId = new HashMap<>();
        rooms.forEach(r -> byId.put(r.getId(), r));
        Set<UUID> kept = new HashSet<>();
        for (RoomInput room : clean.rooms) {
            if (room.id() != null && !byId.containsKey(room.id())) {
                throw new EventInputException("rooms", "A room of this venue was removed meanwhile; reload the page.");
            }
            if (room.id() != null) {
                kept.add(room.id());
            }
        }
        List<String> problems = new ArrayList<>();
        for (VenueRoom room : rooms) {
            if (!kept.contains(room.getId())) {
                long sessions = em.createQuery("select count(s) from Session s where s.room = :room", Long.class)
                        .setParameter("room", room).getSingleResult();
                if (sessions > 0) {
                    problems.add("The room \"" + room.getName() + "\" is used by " + plural(sessions, "agenda session")
                            + ", so it cannot be removed; move those sessions to another room first.");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new EventInputException(problems.stream().map(p -> new InputProblem("rooms", p)).toList());
        }
        apply(venue, clean);
        for (VenueRoom room : rooms) {
            if (!kept.contains(room.getId())) {
                em.remove(room);
            }
        }
        // names are unique per venue (checked at once, not at commit): free the removed and renamed rooms' names
        // first, so swapping two names or reusing a removed one works
        for (RoomInput room : clean.rooms) {
            VenueRoom target = room.id() == null ? null : byId.get(room.id());
            if (target != null && !target.getName().equals(room.name())) {
                target.setName("~" + target.getId());
            }
        }
        em.flush();
        for (RoomInput room : clean.rooms) {
            VenueRoom target = room.id() == null ? null : byId.get(room.id());
            if (target == null) {
                target = new VenueRoom(venue, room.name());
                em.persist(target);
            } else {
                target.setName(room.name());
            }
            target.setCapacity(room.capacity());
        }
        em.flush();
        audit.record("venue.updated", "venue", venue.getId(), before, snapshot(venue, roomsOf(venue)));
    }

    /**
     * Deletes a venue that no event uses (with its rooms). A venue in use is refused with a sentence that says to
     * archive it instead.
     */
    @RequiresPermission(Permission.EVENTS_MANAGE)
    public void delete(UUID id) {
        requireAccountWide();
        Venue venue = existing(id);
        long events = eventsUsing(venue);
        long sessions = em.createQuery("select count(s) from Session s where s.room.venue = :venue", Long.class)
                .setParameter("venue", venue).getSingleResult();
        if (events > 0 || sessions > 0) {
            throw new EventInputException("delete", "This venue is used by "
                    + (events > 0 ? plural(events, "event") : plural(sessions, "agenda session"))
                    + ", so it cannot be deleted. Archive it instead: it stays on those events but is no longer "
                    + "offered for new ones.");
        }
        List<VenueRoom> rooms = roomsOf(venue);
        Map<String, Object> before = snapshot(venue, rooms);
        rooms.forEach(em::remove);
        em.remove(venue);
        em.flush();
        audit.record("venue.deleted", "venue", id, before, null);
    }

    /** Archives (true) or restores (false) a venue. */
    @RequiresPermission(Permission.EVENTS_MANAGE)
    public void archive(UUID id, boolean archived) {
        requireAccountWide();
        Venue venue = existing(id);
        VenueStatus target = archived ? VenueStatus.ARCHIVED : VenueStatus.ACTIVE;
        if (venue.getStatus() == target) {
            return;
        }
        String before = venue.getStatus().name().toLowerCase(Locale.ROOT);
        venue.setStatus(target);
        audit.record(archived ? "venue.archived" : "venue.restored", "venue", id, Map.of("status", before),
                Map.of("status", target.name().toLowerCase(Locale.ROOT)));
    }

    /** The OpenStreetMap search link made from an address (what a venue without its own map link gets). */
    public static String generatedMapLink(String line1, String postalCode, String city, String region,
                                          String country) {
        return MapLinks.openStreetMapSearch(line1, postalCode == null ? city
                : city == null ? postalCode : postalCode + " " + city, region, country);
    }

    // ----------------------------------------------------------------------------------------------------------

    private VenueDetails details(Venue v) {
        String generated = generatedMapLink(v.getAddressLine1(), v.getPostalCode(), v.getCity(), v.getRegion(),
                v.getCountry());
        String typed = v.getMapUrl() == null || v.getMapUrl().equals(generated) ? null : v.getMapUrl();
        List<RoomInput> rooms = roomsOf(v).stream()
                .map(r -> new RoomInput(r.getId(), r.getName(), r.getCapacity())).toList();
        return new VenueDetails(v.getId(), v.getName(), v.getAddressLine1(), v.getAddressLine2(), v.getPostalCode(),
                v.getCity(), v.getRegion(), v.getCountry() == null ? null : v.getCountry().trim(), v.getTimeZone(),
                v.getCapacity(), v.getAccessibilityNotes(), typed, SafeUrls.webLinkOrNull(v.getMapUrl()),
                v.getStatus() == VenueStatus.ARCHIVED, rooms, eventsUsing(v));
    }

    private Venue existing(UUID id) {
        Venue venue = id == null ? null : em.find(Venue.class, id);
        if (venue == null) {
            throw new AccessDeniedException("There is no such venue in this account.");
        }
        return venue;
    }

    private long eventsUsing(Venue venue) {
        return em.createQuery("select count(e) from Event e where e.venue = :venue", Long.class)
                .setParameter("venue", venue).getSingleResult();
    }

    private List<VenueRoom> roomsOf(Venue venue) {
        return em.createQuery("select r from VenueRoom r where r.venue = :venue order by lower(r.name), r.id",
                VenueRoom.class).setParameter("venue", venue).getResultList();
    }

    private void requireAccountWide() {
        if (authorizer.eventScope().isPresent()) {
            throw new AccessDeniedException("You work on selected events only, so you cannot change venues.");
        }
    }

    private static void apply(Venue venue, Clean c) {
        venue.setName(c.name);
        venue.setAddressLine1(c.line1);
        venue.setAddressLine2(c.line2);
        venue.setPostalCode(c.postalCode);
        venue.setCity(c.city);
        venue.setRegion(c.region);
        venue.setCountry(c.country);
        venue.setTimeZone(c.timeZone);
        venue.setCapacity(c.capacity);
        venue.setAccessibilityNotes(c.accessibility);
        venue.setMapUrl(c.mapUrl != null ? c.mapUrl
                : generatedMapLink(c.line1, c.postalCode, c.city, c.region, c.country));
    }

    private static Clean validate(VenueInput in) {
        List<InputProblem> problems = new ArrayList<>();
        Clean c = new Clean();
        c.name = Inputs.trimToNull(in.name());
        if (c.name == null) {
            problems.add(new InputProblem("name", "Enter the venue's name."));
        } else if (Inputs.tooLong(c.name, 120)) {
            problems.add(new InputProblem("name", "Keep the name to 120 characters."));
        }
        c.line1 = Inputs.trimToNull(in.addressLine1());
        c.line2 = Inputs.trimToNull(in.addressLine2());
        c.postalCode = Inputs.trimToNull(in.postalCode());
        c.city = Inputs.trimToNull(in.city());
        c.region = Inputs.trimToNull(in.region());
        for (String part : new String[]{c.line1, c.line2, c.postalCode, c.city, c.region}) {
            if (Inputs.tooLong(part, 200)) {
                problems.add(new InputProblem("address", "Keep each address line to 200 characters."));
                break;
            }
        }
        if (Inputs.trimToNull(in.country()) != null) {
            c.country = Inputs.countryOrNull(in.country());
            if (c.country == null) {
                problems.add(new InputProblem("country", "Choose a country from the list."));
            }
        }
        c.timeZone = Inputs.zoneOrNull(in.timeZone());
        if (c.timeZone == null) {
            problems.add(new InputProblem("timeZone", "Choose a time zone such as Europe/Berlin or America/New_York."));
        }
        c.capacity = in.capacity();
        if (Inputs.badCapacity(c.capacity)) {
            problems.add(new InputProblem("capacity", "Enter a capacity between 0 and 1,000,000, or leave it empty."));
        }
        c.accessibility = Inputs.trimToNull(in.accessibilityNotes());
        if (Inputs.tooLong(c.accessibility, 4000)) {
            problems.add(new InputProblem("accessibilityNotes", "Keep the accessibility notes to 4,000 characters."));
        }
        String typedMap = Inputs.trimToNull(in.mapUrl());
        if (typedMap != null) {
            c.mapUrl = SafeUrls.webLinkOrNull(typedMap);
            if (c.mapUrl == null || Inputs.tooLong(c.mapUrl, 2000)) {
                problems.add(new InputProblem("mapUrl", "Enter a web address starting with https:// (or leave it "
                        + "empty to link an OpenStreetMap search for the address)."));
            }
        }
        Set<String> names = new HashSet<>();
        for (RoomInput room : in.rooms() == null ? List.<RoomInput>of() : in.rooms()) {
            String name = Inputs.trimToNull(room.name());
            if (name == null) {
                problems.add(new InputProblem("rooms", "Give every room a name (or remove the empty row)."));
                continue;
            }
            if (Inputs.tooLong(name, 120)) {
                problems.add(new InputProblem("rooms", "Keep room names to 120 characters."));
                continue;
            }
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                problems.add(new InputProblem("rooms", "There are two rooms called \"" + name
                        + "\"; give each room its own name."));
                continue;
            }
            if (Inputs.badCapacity(room.capacity())) {
                problems.add(new InputProblem("rooms", "Enter a capacity between 0 and 1,000,000 for \"" + name
                        + "\", or leave it empty."));
                continue;
            }
            c.rooms.add(new RoomInput(room.id(), name, room.capacity()));
        }
        if (!problems.isEmpty()) {
            throw new EventInputException(problems);
        }
        return c;
    }

    private static Map<String, Object> snapshot(Venue v, List<VenueRoom> rooms) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", v.getName());
        state.put("address", String.join(", ", java.util.stream.Stream.of(v.getAddressLine1(), v.getAddressLine2(),
                v.getPostalCode(), v.getCity(), v.getRegion(), v.getCountry()).filter(s -> s != null).toList()));
        state.put("time_zone", v.getTimeZone());
        state.put("capacity", v.getCapacity());
        state.put("map_url", v.getMapUrl());
        state.put("status", v.getStatus().name().toLowerCase(Locale.ROOT));
        state.put("rooms", rooms.stream().map(r -> r.getName() + (r.getCapacity() == null ? "" : " (" + r.getCapacity()
                + ")")).toList());
        return state;
    }

    private static String label(Venue v) {
        String city = v.getCity() == null ? "" : ", " + v.getCity();
        return v.getName() + city + (v.getStatus() == VenueStatus.ARCHIVED ? " (archived)" : "");
    }

    static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** Validated and trimmed input. */
    private static final class Clean {
        String name;
        String line1;
        String line2;
        String postalCode;
        String city;
        String region;
        String country;
        String timeZone;
        Integer capacity;
        String accessibility;
        String mapUrl;
        final List<RoomInput> rooms = new ArrayList<>();
    }
}
