package io.eventos.event.web.organizer;

import io.eventos.event.service.AgendaEvent;
import io.eventos.event.service.AgendaException;
import io.eventos.event.service.AgendaService;
import io.eventos.event.service.AgendaSpeaker;
import io.eventos.media.service.MediaLibrary;
import io.eventos.media.service.MediaUpload;
import io.eventos.event.service.SpeakerInput;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.web.FieldMessages;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.model.file.UploadedFile;

import java.io.IOException;
import java.io.Serializable;
import java.util.UUID;

/**
 * {@code /app/speaker.xhtml?event=<id>[&id=<speaker id>]}: adds or edits a speaker of an event, with a photo
 * (PNG, JPEG, GIF or WebP up to 2 MB, checked by {@link MediaLibrary}). A plain multipart form; after saving it goes back
 * to the agenda (PRG).
 */
@Named
@ViewScoped
public class SpeakerPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AgendaService agendaService;

    private UUID event;
    private UUID id;

    private UUID eventId;
    private UUID speakerId;
    private AgendaEvent info;
    private String photoUrl;

    private String name;
    private String company;
    private String jobTitle;
    private String bio;
    private transient UploadedFile photo;
    private boolean removePhoto;

    /** View action: loads the event (and the speaker), or answers 404. */
    public void load() throws IOException {
        if (Faces.getContext().getResponseComplete()) {
            return; // the role check before this answered 404
        }
        eventId = event;
        speakerId = id;
        if (eventId == null) {
            Faces.responseSendError(404, "Not found");
            return;
        }
        try {
            info = agendaService.agenda(eventId).event();
            if (speakerId != null) {
                AgendaSpeaker speaker = agendaService.speaker(eventId, speakerId);
                name = speaker.name();
                company = speaker.company();
                jobTitle = speaker.jobTitle();
                bio = speaker.bio();
                photoUrl = speaker.photoUrl();
            }
        } catch (AccessDeniedException refused) {
            Faces.responseSendError(404, "Not found");
        }
    }

    public void save() throws IOException {
        SpeakerInput input = new SpeakerInput(name, company, jobTitle, bio);
        MediaUpload upload = photo == null || photo.getSize() == 0 ? null
                : new MediaUpload(photo.getFileName(), photo.getContent());
        try {
            if (speakerId == null) {
                agendaService.createSpeaker(eventId, input, upload);
                Messages.addFlashGlobalInfo("Added " + name.strip() + " to the speakers.");
            } else {
                agendaService.updateSpeaker(eventId, speakerId, input, upload, removePhoto);
                Messages.addFlashGlobalInfo("Saved " + name.strip() + ".");
            }
            backToAgenda();
        } catch (AgendaException refused) {
            FieldMessages.show("speaker-form", refused);
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        } finally {
            photo = null;
        }
    }

    public void delete() throws IOException {
        try {
            agendaService.deleteSpeaker(eventId, speakerId);
            Messages.addFlashGlobalInfo("Removed " + name + " from the speakers and their sessions.");
            backToAgenda();
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    private void backToAgenda() throws IOException {
        Faces.redirect(Faces.getRequestContextPath() + "/app/agenda.xhtml?event=" + eventId + "#speakers");
    }

    public boolean isNew() {
        return speakerId == null;
    }

    public AgendaEvent getInfo() {
        return info;
    }

    public String getEventId() {
        return eventId == null ? null : eventId.toString();
    }

    public String getPhotoUrl() {
        return photoUrl;
    }

    public int getMaxPhotoBytes() {
        return MediaLibrary.MAX_PHOTO_BYTES;
    }

    public UUID getEvent() {
        return event;
    }

    public void setEvent(UUID event) {
        this.event = event;
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

    public String getCompany() {
        return company;
    }

    public void setCompany(String company) {
        this.company = company;
    }

    public String getJobTitle() {
        return jobTitle;
    }

    public void setJobTitle(String jobTitle) {
        this.jobTitle = jobTitle;
    }

    public String getBio() {
        return bio;
    }

    public void setBio(String bio) {
        this.bio = bio;
    }

    public UploadedFile getPhoto() {
        return photo;
    }

    public void setPhoto(UploadedFile photo) {
        this.photo = photo;
    }

    public boolean isRemovePhoto() {
        return removePhoto;
    }

    public void setRemovePhoto(boolean removePhoto) {
        this.removePhoto = removePhoto;
    }
}
