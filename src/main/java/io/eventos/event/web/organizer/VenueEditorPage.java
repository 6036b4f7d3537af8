package io.eventos.event.web.organizer;

import io.eventos.account.service.AccountService;
import io.eventos.event.service.EventInputException;
import io.eventos.event.service.EventService;
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
    private VenueFields form = new VenueFields();
    private String generatedMapLink;

    /** View action: loads the venue of {@code ?id=}, or answers 404 if this account has no such venue. */
    public void load() throws IOException {
        if (id == null) {
            form = VenueFields.blank(accounts.currentProfile().defaultTimeZone());
            return;
        }
        venueId = id;
        var found = venues.find(venueId);
        if (found.isEmpty()) {
            Faces.responseSendError(404, "No such venue");
            return;
        }
        details = found.get();
        form = VenueFields.from(details);
        generatedMapLink = VenueService.generatedMapLink(details.addressLine1(), details.postalCode(), details.city(),
                details.region(), details.country());
    }

    public void addRoom() {
        form.addRoom();
    }

    public void removeRoom(VenueFields.RoomRow row) {
        form.removeRoom(row);
    }

    public void save() throws IOException {
        VenueInput input = form.toInput();
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

    /** The venue's fields and rooms as typed. */
    public VenueFields getForm() {
        return form;
    }

    public UUID getId() {
        return id;
    }

    public void setId(UUID id) {
        this.id = id;
    }

    /** A country to choose: ISO code and English name. */
    public record Country(String code, String name) implements Serializable {
    }
}
