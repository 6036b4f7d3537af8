package io.eventos.event.web.organizer;

import io.eventos.account.service.AccountService;
import io.eventos.event.service.EventDetails;
import io.eventos.event.service.EventInput;
import io.eventos.event.service.EventInputException;
import io.eventos.event.service.EventCopies;
import io.eventos.event.service.EventService;
import io.eventos.media.service.MediaUpload;
import io.eventos.event.service.PublishRefusedException;
import io.eventos.event.service.VenueOption;
import io.eventos.event.service.VenueService;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.web.FieldMessages;
import io.eventos.platform.web.Formats;
import io.eventos.platform.web.Ids;
import org.omnifaces.cdi.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.model.file.UploadedFile;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * {@code /app/event.xhtml?id=...} (or without id: a new event): the event's details, cover image and status
 * (publish, cancel with a reason, mark completed), cloning and repeating it as a series, deleting a draft.
 */
@Named
@ViewScoped
public class EventEditorPage implements Serializable {

    private static final long serialVersionUID = 1L;


    @Inject
    transient EventService events;
    @Inject
    transient EventCopies copies;
    @Inject
    transient VenueService venues;
    @Inject
    transient AccountService accounts;

    private UUID id;
    private UUID eventId;
    private EventDetails details;
    private List<VenueOption> venueOptions = List.of();

    private EventFields form = new EventFields();
    private String suggestedSlug;
    private transient UploadedFile coverFile;

    private String cancelReason;
    private LocalDateTime cloneStartsAt;
    private String repetition = "weekly";
    private Integer repeatCount = 4;

    /** View action: loads the event of {@code ?id=}, or answers 404 if this account has no such event. */
    public void load() throws IOException {
        if (id == null) {
            form = EventFields.blank(accounts.currentProfile().defaultTimeZone());
            venueOptions = venues.options(null);
            return;
        }
        eventId = id;
        var found = eventId == null ? java.util.Optional.<EventDetails>empty() : events.details(eventId);
        if (found.isEmpty()) {
            Faces.responseSendError(404, "No such event");
            return;
        }
        details = found.get();
        form = EventFields.from(details);
        cloneStartsAt = details.startsAt();
        venueOptions = venues.options(details.venueId());
    }

    /** Ajax: a new name suggests a free slug, unless the organizer typed their own. */
    public void nameChanged() {
        String slug = form.getSlug();
        if (slug == null || slug.isBlank() || slug.equals(suggestedSlug)) {
            suggestedSlug = events.suggestSlug(form.getName(), eventId);
            form.setSlug(suggestedSlug);
        }
    }

    /** Ajax: a new event at a venue starts in the venue's time zone. */
    public void venueChanged() {
        if (eventId == null) {
            UUID chosen = Ids.parse(form.getVenueId());
            venueOptions.stream().filter(v -> v.id().equals(chosen)).findFirst()
                    .ifPresent(v -> form.setTimeZone(v.timeZone()));
        }
    }

    public void save() throws IOException {
        MediaUpload cover = null;
        if (coverFile != null && coverFile.getSize() > 0) {
            cover = new MediaUpload(coverFile.getFileName(), coverFile.getContent());
        }
        EventInput input = form.toInput(cover);
        try {
            UUID saved;
            if (eventId == null) {
                saved = events.create(input);
                Messages.addFlashGlobalInfo("Event created as a draft.");
            } else {
                events.update(eventId, input);
                saved = eventId;
                Messages.addFlashGlobalInfo("Event saved.");
            }
            redirectTo(saved);
        } catch (EventInputException refused) {
            FieldMessages.show("event-form", refused.problems());
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        } finally {
            coverFile = null; // a refused file is not sent again with the next save
        }
    }

    public void publish() throws IOException {
        try {
            events.publish(eventId);
            Messages.addFlashGlobalInfo("Published: the event is now on your public pages"
                    + ("private".equals(details.visibility()) ? " (private: visible to your team only)." : "."));
            redirectTo(eventId);
        } catch (PublishRefusedException refused) {
            refused.missing().forEach(line -> Messages.addError("status-form:publish", line));
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    public void cancelEvent() throws IOException {
        try {
            events.cancel(eventId, cancelReason);
            Messages.addFlashGlobalInfo("The event is cancelled; its public page says so with your reason.");
            redirectTo(eventId);
        } catch (EventInputException refused) {
            FieldMessages.show("cancel-form", refused.problems());
        } catch (PublishRefusedException refused) {
            refused.missing().forEach(Messages::addGlobalError);
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    public void complete() throws IOException {
        try {
            events.complete(eventId);
            Messages.addFlashGlobalInfo("The event is marked completed.");
            redirectTo(eventId);
        } catch (PublishRefusedException refused) {
            refused.missing().forEach(line -> Messages.addError("status-form:complete", line));
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    public void cloneEvent() throws IOException {
        try {
            UUID copy = copies.cloneEvent(eventId, cloneStartsAt);
            Messages.addFlashGlobalInfo("This is the copy of \"" + details.name() + "\", a draft with its agenda and "
                    + "ticket types. Check its name and dates, then publish it.");
            redirectTo(copy);
        } catch (EventInputException refused) {
            FieldMessages.show("clone-form", refused.problems());
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    public void repeat() throws IOException {
        try {
            List<UUID> created = copies.repeat(eventId, repetition, repeatCount == null ? 0 : repeatCount);
            Messages.addFlashGlobalInfo(created.size() + " draft " + (created.size() == 1 ? "event" : "events")
                    + " created " + ("monthly".equals(repetition) ? "monthly" : "weekly")
                    + " after this one, at the same local time, in one series.");
            redirectTo(eventId);
        } catch (EventInputException refused) {
            FieldMessages.show("repeat-form", refused.problems());
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    public void deleteDraft() throws IOException {
        try {
            events.deleteDraft(eventId);
            Messages.addFlashGlobalInfo("The draft \"" + details.name() + "\" was deleted.");
            Faces.redirect(Faces.getRequestContextPath() + "/app/events.xhtml");
        } catch (PublishRefusedException refused) {
            refused.missing().forEach(Messages::addGlobalError);
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    private static void redirectTo(UUID event) throws IOException {
        Faces.redirect(Faces.getRequestContextPath() + "/app/event.xhtml?id=" + event);
    }

    // ------------------------------------------------------------------------------------------------ for the view

    public boolean isNew() {
        return eventId == null;
    }

    public EventDetails getDetails() {
        return details;
    }

    public List<VenueOption> getVenueOptions() {
        return venueOptions;
    }

    public List<String> getZones() {
        return events.timeZones();
    }

    /** The public address of the event, relative to the context root. */
    public String getPublicPath() {
        return details == null ? null : "/e/" + details.accountSlug() + "/" + details.slug();
    }

    /** "Sat 14 Mar 2027, 19:00 – Sat 14 Mar 2027, 23:00 (America/New_York)" as saved. */
    public String getSavedWhen() {
        return details == null ? null : Formats.WHEN.format(details.startsAt()) + " – " + Formats.WHEN.format(details.endsAt())
                + " (" + details.timeZone() + ")";
    }

    // ---------------------------------------------------------------------------------------- bound form values

    /** The event's fields as typed. */
    public EventFields getForm() {
        return form;
    }

    public UUID getId() {
        return id;
    }

    public void setId(UUID id) {
        this.id = id;
    }

    public UploadedFile getCoverFile() {
        return coverFile;
    }

    public void setCoverFile(UploadedFile coverFile) {
        this.coverFile = coverFile;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public void setCancelReason(String cancelReason) {
        this.cancelReason = cancelReason;
    }

    public LocalDateTime getCloneStartsAt() {
        return cloneStartsAt;
    }

    public void setCloneStartsAt(LocalDateTime cloneStartsAt) {
        this.cloneStartsAt = cloneStartsAt;
    }

    public String getRepetition() {
        return repetition;
    }

    public void setRepetition(String repetition) {
        this.repetition = repetition;
    }

    public Integer getRepeatCount() {
        return repeatCount;
    }

    public void setRepeatCount(Integer repeatCount) {
        this.repeatCount = repeatCount;
    }
}
