package io.eventos.event.web.organizer;

import io.eventos.event.service.RoomInput;
import io.eventos.event.service.VenueDetails;
import io.eventos.event.service.VenueInput;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The venue editor's form ({@code #{venueEditorPage.form.name}} ...) with its rooms, kept as typed: a refused save
 * loses nothing. Filled {@link #from} the saved venue or as a {@link #blank} new one, sent as {@link #toInput}.
 */
public class VenueFields implements Serializable {

    private static final long serialVersionUID = 1L;

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

    static VenueFields blank(String timeZone) {
        VenueFields form = new VenueFields();
        form.timeZone = timeZone;
        return form;
    }

    static VenueFields from(VenueDetails details) {
        VenueFields form = new VenueFields();
        form.name = details.name();
        form.addressLine1 = details.addressLine1();
        form.addressLine2 = details.addressLine2();
        form.postalCode = details.postalCode();
        form.city = details.city();
        form.region = details.region();
        form.country = details.country();
        form.timeZone = details.timeZone();
        form.capacity = details.capacity();
        form.accessibilityNotes = details.accessibilityNotes();
        form.mapUrl = details.mapUrl();
        form.rooms = new ArrayList<>(details.rooms().stream().map(RoomRow::of).toList());
        return form;
    }

    VenueInput toInput() {
        return new VenueInput(name, addressLine1, addressLine2, postalCode, city, region, country, timeZone, capacity,
                accessibilityNotes, mapUrl,
                rooms.stream().map(r -> new RoomInput(r.getId(), r.getName(), r.getCapacity())).toList());
    }

    void addRoom() {
        rooms.add(new RoomRow());
    }

    void removeRoom(RoomRow row) {
        rooms.remove(row);
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
