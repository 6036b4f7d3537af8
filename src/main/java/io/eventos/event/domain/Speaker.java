package io.eventos.event.domain;

import io.eventos.media.domain.Media;
import io.eventos.platform.persistence.TenantEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * A speaker on an event's agenda; linked to sessions through {@link SessionSpeaker}.
 * Table {@code speakers}.
 */
@Entity
@Table(name = "speakers")
public class Speaker extends TenantEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "event_id", nullable = false)
    private Event event;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "company")
    private String company;

    @Column(name = "job_title")
    private String jobTitle;

    @Column(name = "bio")
    private String bio;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "photo_media_id")
    private Media photoMedia;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    protected Speaker() {
    }

    public Speaker(Event event, String name) {
        this.event = Objects.requireNonNull(event, "event");
        this.name = Objects.requireNonNull(name, "name");
    }

    @PreUpdate
    void touch() {
        updatedAt = Instant.now();
    }

    public Event getEvent() {
        return event;
    }

    public String getName() {
        return name;
    }

    public String getCompany() {
        return company;
    }

    public String getJobTitle() {
        return jobTitle;
    }

    public String getBio() {
        return bio;
    }

    public Media getPhotoMedia() {
        return photoMedia;
    }

    public int getSortOrder() {
        return sortOrder;
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

    public void setCompany(String company) {
        this.company = company;
    }

    public void setJobTitle(String jobTitle) {
        this.jobTitle = jobTitle;
    }

    public void setBio(String bio) {
        this.bio = bio;
    }

    public void setPhotoMedia(Media photoMedia) {
        this.photoMedia = photoMedia;
    }

    public void setSortOrder(int sortOrder) {
        this.sortOrder = sortOrder;
    }
}
