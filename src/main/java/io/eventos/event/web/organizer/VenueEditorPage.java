package io.eventos.event.web.organizer;

import io.eventos.account.service.AccountService;
import io.eventos.event.service.EventInputException;
import io.eventos.event.service.EventService;
import io.eventos.event.service.RoomInput;
import io.eventos.event.service.VenueDetails;
import io.eventos.event.service.VenueInput;
import io.eventos.event.service.VenueService;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.web.FieldMessages;
import org.omnifaces.cdi.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code /app/venue.xhtml?id=...} (or without id: a new venue): a venue's address, time zone, capacity,
 * accessibility notes, map link and rooms; delete (only if no event uses it), archive and restore.
 */
@Named
@ViewScoped
public class VenueEditorPage implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final List<Country> COUNTRIES = java.util.Arrays.stream(Locale.getISOCountries())
            .map(code -> new Country(code, new Locale("", code).getDisplayCountry(Locale.ENGLISH)))
            .sorted(Comparator.comparing(Country::name))
            .toList();

    @Inject
    transient VenueService venues;
    @Inject
    transient EventService events;
    @Inject
    transient AccountService accounts;

    private UUID id;
    private UUID venueId;
    private VenueDetails details;
    private String name;
    private String addressLine1;
    private String addressLine2;
    private String postalCode;
    private String city;
    private String region;
    private String country;
    private String timeZone;
    private Integer capacity;
    private String accessibilityNotes;
    private String mapUrl;
    private List<RoomRow> rooms = new ArrayList<>();
    private String generatedMapLink;

    /** View action: loads the venue of {@code ?id=}, or answers 404 if this account has no such venue. */
    public void load() throws IOException {
        if (id == null) {
            timeZone = accounts.currentProfile().defaultTimeZone();
            return;
        }
        venueId = id;
        var found = venues.find(venueId);
        if (found.isEmpty()) {
            Faces.responseSendError(404, "No such venue");
            return;
        }
        details = found.get();
        name = details.name();
        addressLine1 = details.addressLine1();
        addressLine2 = details.addressLine2();
        postalCode = details.postalCode();
        city = details.city();
        region = details.region();
        country = details.country();
        timeZone = details.timeZone();
        capacity = details.capacity();
        accessibilityNotes = details.accessibilityNotes();
        mapUrl = details.mapUrl();
        rooms = new ArrayList<>(details.rooms().stream().map(RoomRow::of).toList());
        generatedMapLink = VenueService.generatedMapLink(addressLine1, postalCode, city, region, country);
    }

    public void addRoom() {
        rooms.add(new RoomRow());
    }

    public void removeRoom(RoomRow row) {
        rooms.remove(row);
    }

    public void save() throws IOException {
        VenueInput input = new VenueInput(name, addressLine1, addressLine2, postalCode, city, region, country,
                timeZone, capacity, accessibilityNotes, mapUrl,
                rooms.stream().map(r -> new RoomInput(r.getId(), r.getName(), r.getCapacity())).toList());
        try {
            UUID saved;
            if (venueId == null) {
                saved = venues.create(input);
                Messages.addFlashGlobalInfo("Venue created.");
            } else {
                venues.update(venueId, input);
                saved = venueId;
                Messages.addFlashGlobalInfo("Venue saved.");
            }
            Faces.redirect(Faces.getRequestContextPath() + "/app/venue.xhtml?id=" + saved);
        } catch (EventInputException refused) {
            FieldMessages.show("venue-form", refused.problems());
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    public void delete() throws IOException {
        try {
            venues.delete(venueId);
            Messages.addFlashGlobalInfo("The venue \"" + details.name() + "\" was deleted.");
            Faces.redirect(Faces.getRequestContextPath() + "/app/venues.xhtml");
        } catch (EventInputException refused) {
            FieldMessages.show("actions-form", refused.problems());
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    public void archive() throws IOException {
        changeArchived(true, "Venue archived: it stays on its events but is no longer offered for new ones.");
    }

    public void restore() throws IOException {
        changeArchived(false, "Venue restored: it is offered for new events again.");
    }

    private void changeArchived(boolean archived, String done) throws IOException {
        try {
            venues.archive(venueId, archived);
            Messages.addFlashGlobalInfo(done);
            Faces.redirect(Faces.getRequestContextPath() + "/app/venue.xhtml?id=" + venueId);
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    public boolean isNew() {
        return venueId == null;
    }

    public VenueDetails getDetails() {
        return details;
    }

    public List<String> getZones() {
        return events.timeZones();
    }

    public List<Country> getCountries() {
        return COUNTRIES;
    }

    /** The link visitors get when the map link field is left empty (for the address as loaded). */
    public String getGeneratedMapLink() {
        return generatedMapLink;
    }

    public UUID getId() {
        return id;
    }

    public void setId(UUID id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getAddressLine1() {
        return addressLine1;
    }

    public void setAddressLine1(String addressLine1) {
        this.addressLine1 = addressLine1;
    }

    public String getAddressLine2() {
        return addressLine2;
    }

    public void setAddressLine2(String addressLine2) {
        this.addressLine2 = addressLine2;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public void setPostalCode(String postalCode) {
        this.postalCode = postalCode;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public Integer getCapacity() {
        return capacity;
    }

    public void setCapacity(Integer capacity) {
        this.capacity = capacity;
    }

    public String getAccessibilityNotes() {
        return accessibilityNotes;
    }

    public void setAccessibilityNotes(String accessibilityNotes) {
        this.accessibilityNotes = accessibilityNotes;
    }

    public String getMapUrl() {
        return mapUrl;
    }

    public void setMapUrl(String mapUrl) {
        this.mapUrl = mapUrl;
    }

    public List<RoomRow> getRooms() {
        return rooms;
    }

    /** A country to choose: ISO code and English name. */
    public record Country(String code, String name) implements Serializable {
    }

    /** A room as edited (a new one has no id yet). */
    public static class RoomRow implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String key = UUID.randomUUID().toString();
        private UUID id;
        private String name;
        private Integer capacity;

        static RoomRow of(RoomInput room) {
            RoomRow row = new RoomRow();
            row.id = room.id();
            row.name = room.name();
            row.capacity = room.capacity();
            return row;
        }

        public String getKey() {
            return key;
        }

        public UUID getId() {
            return id;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public Integer getCapacity() {
            return capacity;
        }

        public void setCapacity(Integer capacity) {
            this.capacity = capacity;
        }
    }
}
