package io.eventos.checkin.web.kiosk;

import io.eventos.checkin.service.DoorEvent;
import io.eventos.checkin.service.DoorService;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.DeviceGrant;
import io.eventos.platform.web.Formats;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.util.Faces;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * {@code /checkin/}: where door staff start. A kiosk device goes to its list; a signed-in member with one event to
 * check people in to goes straight to its scanner; with several, chooses; signed out, is asked to sign in (and comes
 * back here) or to open the kiosk link the organizer made.
 */
@Named
@RequestScoped
public class KioskHomePage {


    @Inject
    DoorService door;

    private List<DoorEvent> events = List.of();
    private boolean signedIn;
    private String refusal;

    public void load() throws IOException {
        Optional<DeviceGrant> device = CurrentTenant.device();
        if (CurrentTenant.user().isEmpty() && device.isPresent()) {
            Faces.redirect(Faces.getRequestContextPath() + "/checkin/scan.xhtml?event=" + device.get().eventId()
                    + "&list=" + device.get().listId());
            return;
        }
        signedIn = CurrentTenant.user().isPresent();
        if (!signedIn) {
            return;
        }
        try {
            events = door.openEvents();
        } catch (AccessDeniedException e) {
            refusal = e.getMessage();
            return;
        }
        if (events.size() == 1) {
            DoorEvent only = events.get(0);
            Faces.redirect(Faces.getRequestContextPath() + "/checkin/scan.xhtml?event=" + only.eventId() + "&list="
                    + only.listId());
        }
    }

    public String when(DoorEvent event) {
        return Formats.WHEN.format(event.startsAt().atZone(event.zone()));
    }

    public List<DoorEvent> getEvents() {
        return events;
    }

    public boolean isSignedIn() {
        return signedIn;
    }

    public String getRefusal() {
        return refusal;
    }
}
