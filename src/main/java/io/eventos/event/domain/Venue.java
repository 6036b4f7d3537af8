package io.eventos.event.domain;

import io.eventos.platform.persistence.TenantEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A place where events happen, with its own IANA time zone.
 * Table {@code venues}.
 */
@Entity
@Table(name = "venues")
public class Venue extends TenantEntity {

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "address_line1")
    private String addressLine1;

    @Column(name = "address_line2")
    private String addressLine2;

    @Column(name = "city")
    private String city;

    @Column(name = "region")
    private String region;

    @Column(name = "postal_code")
    private String postalCode;

    @Column(name = "country")
    private String country;

    @Column(name = "latitude", precision = 9, scale = 6)
    private BigDecimal latitude;

    @Column(name = "longitude", precision = 9, scale = 6)
    private BigDecimal longitude;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Column(name = "capacity")
    private Integer capacity;

    @Column(name = "accessibility_notes")
    private String accessibilityNotes;

    @Column(name = "map_url")
    private String mapUrl;

    @Column(name = "status", nullable = false)
    private VenueStatus status = VenueStatus.ACTIVE;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    protected Venue() {
    }

    public Venue(String name, String timeZone) {
        this.name = Objects.requireNonNull(name, "name");
        this.timeZone = Objects.requireNonNull(timeZone, "timeZone");
    }

    @PreUpdate
    void touch() {
        updatedAt = Instant.now();
    }

    public String getName() {
        return name;
    }

    public String getAddressLine1() {
        return addressLine1;
    }

    public String getAddressLine2() {
        return addressLine2;
    }

    public String getCity() {
        return city;
    }

    public String getRegion() {
        return region;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public String getCountry() {
        return country;
    }

    public BigDecimal getLatitude() {
        return latitude;
    }

    public BigDecimal getLongitude() {
        return longitude;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public Integer getCapacity() {
        return capacity;
    }

    public String getAccessibilityNotes() {
        return accessibilityNotes;
    }

    public String getMapUrl() {
        return mapUrl;
    }

    public VenueStatus getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setName(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public void setAddressLine1(String addressLine1) {
        this.addressLine1 = addressLine1;
    }

    public void setAddressLine2(String addressLine2) {
        this.addressLine2 = addressLine2;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public void setPostalCode(String postalCode) {
        this.postalCode = postalCode;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public void setLatitude(BigDecimal latitude) {
        this.latitude = latitude;
    }

    public void setLongitude(BigDecimal longitude) {
        this.longitude = longitude;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = Objects.requireNonNull(timeZone, "timeZone");
    }

    public void setCapacity(Integer capacity) {
        this.capacity = capacity;
    }

    public void setAccessibilityNotes(String accessibilityNotes) {
        this.accessibilityNotes = accessibilityNotes;
    }

    public void setMapUrl(String mapUrl) {
        this.mapUrl = mapUrl;
    }

    public void setStatus(VenueStatus status) {
        this.status = Objects.requireNonNull(status, "status");
    }
}
