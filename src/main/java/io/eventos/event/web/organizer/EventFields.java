package io.eventos.event.web.organizer;

import io.eventos.event.service.EventDetails;
import io.eventos.event.service.EventInput;
import io.eventos.media.service.MediaUpload;
import io.eventos.platform.web.Ids;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The event editor's form ({@code #{eventEditorPage.form.name}} ...), kept as typed: a refused save loses nothing.
 * Filled {@link #from} the saved event or as a {@link #blank} new one, sent as {@link #toInput}.
 */
public class EventFields implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private String slug;
    private String summary;
    private String description;
    private LocalDateTime startsAt;
    private LocalDateTime endsAt;
    private String timeZone;
    private String format = "in_person";
    private String venueId;
    private String onlineUrl;
    private Integer capacity;
    private String visibility = "public";
    private boolean removeCover;

    /** A new event in {@code timeZone}: two weeks from today, 18:00 to 21:00 there. */
    static EventFields blank(String timeZone) {
        EventFields form = new EventFields();
        form.timeZone = timeZone;
        LocalDate day = LocalDate.now(ZoneId.of(timeZone)).plusWeeks(2);
        form.startsAt = day.atTime(LocalTime.of(18, 0));
        form.endsAt = day.atTime(LocalTime.of(21, 0));
        return form;
    }

    static EventFields from(EventDetails details) {
        EventFields form = new EventFields();
        form.name = details.name();
        form.slug = details.slug();
        form.summary = details.summary();
        form.description = details.descriptionHtml();
        form.startsAt = details.startsAt();
        form.endsAt = details.endsAt();
        form.timeZone = details.timeZone();
        form.format = details.format();
        form.venueId = details.venueId() == null ? null : details.venueId().toString();
        form.onlineUrl = details.onlineUrl();
        form.capacity = details.capacity();
        form.visibility = details.visibility();
        return form;
    }

    /** What the service gets, with {@code cover} the file uploaded with this save (or null). */
    EventInput toInput(MediaUpload cover) {
        return new EventInput(name, slug, summary, description, startsAt, endsAt, timeZone, format,
                Ids.parse(venueId), onlineUrl, capacity, visibility, cover, removeCover);
    }

    public boolean isShowVenue() {
        return !"online".equals(format);
    }

    public boolean isShowOnlineUrl() {
        return !"in_person".equals(format);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public LocalDateTime getStartsAt() {
        return startsAt;
    }

    public void setStartsAt(LocalDateTime startsAt) {
        this.startsAt = startsAt;
    }

    public LocalDateTime getEndsAt() {
        return endsAt;
    }

    public void setEndsAt(LocalDateTime endsAt) {
        this.endsAt = endsAt;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public String getVenueId() {
        return venueId;
    }

    public void setVenueId(String venueId) {
        this.venueId = venueId;
    }

    public String getOnlineUrl() {
        return onlineUrl;
    }

    public void setOnlineUrl(String onlineUrl) {
        this.onlineUrl = onlineUrl;
    }

    public Integer getCapacity() {
        return capacity;
    }

    public void setCapacity(Integer capacity) {
        this.capacity = capacity;
    }

    public String getVisibility() {
        return visibility;
    }

    public void setVisibility(String visibility) {
        this.visibility = visibility;
    }

    public boolean isRemoveCover() {
        return removeCover;
    }

    public void setRemoveCover(boolean removeCover) {
        this.removeCover = removeCover;
    }
}
