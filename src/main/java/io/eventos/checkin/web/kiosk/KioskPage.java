package io.eventos.checkin.web.kiosk;

import io.eventos.checkin.service.CheckInException;
import io.eventos.checkin.service.DoorCounts;
import io.eventos.checkin.service.DoorEvent;
import io.eventos.checkin.service.DoorHit;
import io.eventos.checkin.service.DoorService;
import io.eventos.checkin.service.ScanAnswer;
import io.eventos.checkin.service.ScanRequest;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.web.Ids;
import io.eventos.platform.web.Formats;
import org.omnifaces.cdi.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * {@code /checkin/scan.xhtml?event=…&list=…}: the scanner at the door. A USB or Bluetooth scanner types the code into
 * the always-focused field and ends with Enter; the answer fills the screen green or red (kiosk.js adds the sound and
 * the vibration and puts the cursor back for the next scan). Each scan carries a nonce made in the browser, kept
 * when the request is repeated, so a retry gets the first answer. Also: search by name, email or code and admit from
 * the result; take the last admission back; live counts every few seconds.
 */
@Named
@ViewScoped
public class KioskPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE d MMM, HH:mm", Locale.ENGLISH);

    @Inject
    transient DoorService door;

    private String event;
    private String list;
    private DoorEvent doorEvent;
    private DoorCounts counts;

    private String code;
    private String nonce;
    private String direction = "in";
    private String gate;
    private ScanAnswer answer;
    /** The last admission this page made, which "Undo" takes back. */
    private UUID lastAdmission;
    private String lastAdmittedName;

    private String query;
    private List<DoorHit> hits = List.of();
    private boolean searched;
    private boolean canMarkPaid;

    /** f:viewAction: the event and list, or 404 for anything else (another account's, another device's list). */
    public void load() throws IOException {
        UUID eventId = Ids.parse(event); // ids read here, not by the view: a signed-out visitor is sent to sign in first
        UUID listId = Ids.parse(list);
        if (eventId == null || listId == null || CurrentTenant.get().isEmpty()) {
            if (CurrentTenant.get().isEmpty()) {
                Faces.redirect(Faces.getRequestContextPath() + "/checkin/");
                return;
            }
            Faces.responseSendError(404, "Not found");
            return;
        }
        try {
            doorEvent = door.door(eventId, listId);
            counts = door.counts(eventId, listId);
            canMarkPaid = door.canMarkPaid(eventId);
        } catch (AccessDeniedException e) {
            Faces.responseSendError(404, "Not found");
        }
    }

    public void scan() {
        answer = scanCode(code, nonce);
        code = null;
        nonce = null;
    }

    /** Admits (or lets out) the ticket of a search result. */
    public void admit(DoorHit hit) {
        answer = scanCode(hit.code(), UUID.randomUUID().toString());
        hits = List.of();
        query = null;
        searched = false;
    }

    private ScanAnswer scanCode(String value, String scanNonce) {
        if (linkEnded()) {
            return null;
        }
        try {
            ScanAnswer result = door.scan(doorEvent.eventId(), doorEvent.listId(),
                    ScanRequest.of(value, scanNonce, "out".equals(direction) && doorEvent.scansExits(), gate));
            if (ScanAnswer.ADMITTED.equals(result.result()) && result.checkInId() != null) {
                lastAdmission = result.checkInId();
                lastAdmittedName = result.name();
            }
            return result; // the counts follow with the next poll (they cost a read of the whole list)
        } catch (AccessDeniedException | CheckInException e) {
            Messages.addGlobalError(e.getMessage());
            return null;
        }
    }

    /** "Paid at the door": marks the unpaid order of the ticket just refused paid, and admits it. */
    public void markPaidAndAdmit() {
        if (answer == null || !answer.unpaid() || linkEnded()) {
            return;
        }
        try {
            ScanAnswer result = door.markPaidAndAdmit(doorEvent.eventId(), doorEvent.listId(), answer.attendeeId(),
                    gate, io.eventos.platform.web.BaseUrl.of(Faces.getRequest()));
            if (ScanAnswer.ADMITTED.equals(result.result())) {
                lastAdmission = result.checkInId();
                lastAdmittedName = result.name();
                Messages.addGlobalInfo("Order " + result.orderCode() + " marked paid.");
            }
            answer = result;
        } catch (AccessDeniedException | CheckInException | io.eventos.ticketing.service.TicketingException e) {
            Messages.addGlobalError(e.getMessage());
        }
    }

    /** Whether to offer "Paid at the door" for the answer on screen. */
    public boolean isMarkPaidOffered() {
        return canMarkPaid && answer != null && answer.unpaid();
    }

    public void undo() {
        if (lastAdmission == null || linkEnded()) {
            return;
        }
        try {
            door.undo(doorEvent.eventId(), lastAdmission);
            Messages.addGlobalInfo("Taken back: " + lastAdmittedName + " can be scanned again.");
            answer = null;
            lastAdmission = null;
            lastAdmittedName = null;
        } catch (AccessDeniedException | CheckInException e) {
            Messages.addGlobalError(e.getMessage());
        }
    }

    public void search() {
        if (linkEnded()) {
            return;
        }
        searched = true;
        try {
            hits = door.search(doorEvent.eventId(), doorEvent.listId(), query);
        } catch (AccessDeniedException e) {
            Messages.addGlobalError(e.getMessage());
        }
    }

    /** p:poll: the counts as they are now (other doors scan too). */
    public void refreshCounts() {
        if (CurrentTenant.get().isEmpty()) {
            return;
        }
        try {
            counts = door.counts(doorEvent.eventId(), doorEvent.listId());
        } catch (AccessDeniedException e) {
            counts = null; // the device's link was revoked: the next scan says so
        }
    }

    /**
     * Whether nothing is bound any more: the kiosk link of this device was revoked or expired (or the staff member
     * signed out in another tab) since the page opened. Says so instead of failing.
     */
    private boolean linkEnded() {
        if (CurrentTenant.get().isPresent()) {
            return false;
        }
        answer = null;
        Messages.addGlobalError("This device's kiosk link has ended (revoked or expired), or you were signed out. "
                + "Ask the organizer for a new link, or sign in again.");
        return true;
    }

    // ------------------------------------------------------------------------------------- what the screen says

    /** "Welcome, Ada Lovelace" / "Goodbye, …" / the refusal's headline. */
    public String headline() {
        if (answer == null) {
            return null;
        }
        return switch (answer.result()) {
            case ScanAnswer.ADMITTED -> "Welcome, " + answer.name();
            case ScanAnswer.EXITED -> "Goodbye, " + answer.name();
            default -> answer.refusalHeadline();
        };
    }

    /** The second line: the ticket type, or why not, with when/where/by whom for a ticket already used. */
    public String detail() {
        if (answer == null) {
            return null;
        }
        if (answer.green()) {
            return answer.ticketType() + (answer.replay() ? " · (this scan was already answered)" : "");
        }
        StringBuilder text = new StringBuilder(answer.refusalSentence());
        if (answer.previousAt() != null) {
            text.append(" In at ").append(when(answer.previousAt()));
            if (answer.previousGate() != null) {
                text.append(", ").append(answer.previousGate());
            }
            if (answer.previousBy() != null) {
                text.append(", by ").append(answer.previousBy());
            }
            text.append('.');
        }
        if (answer.otherEvent() != null) {
            text.append(" It is for “").append(answer.otherEvent()).append("”.");
        }
        return text.toString();
    }

    /** Who the refused ticket belongs to, when the code was known: "Ada Lovelace · General · order K7Q2XM". */
    public String holder() {
        if (answer == null || answer.green() || answer.name() == null) {
            return null;
        }
        return answer.name() + " · " + answer.ticketType() + " · order " + answer.orderCode();
    }

    private String when(Instant at) {
        ZonedDateTime local = at.atZone(doorEvent.zone());
        return (local.toLocalDate().equals(LocalDate.now(doorEvent.zone())) ? Formats.TIME : DAY_TIME).format(local);
    }

    public boolean isExitsScanned() {
        return doorEvent != null && doorEvent.scansExits();
    }

    public boolean isCanUndo() {
        return lastAdmission != null;
    }


    // ------------------------------------------------------------------------------------------- properties

    public String getEvent() {
        return event;
    }

    public void setEvent(String event) {
        this.event = event;
    }

    public String getList() {
        return list;
    }

    public void setList(String list) {
        this.list = list;
    }

    public DoorEvent getDoorEvent() {
        return doorEvent;
    }

    public DoorCounts getCounts() {
        return counts;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getNonce() {
        return nonce;
    }

    public void setNonce(String nonce) {
        this.nonce = nonce;
    }

    public String getDirection() {
        return direction;
    }

    public void setDirection(String direction) {
        this.direction = "out".equals(direction) ? "out" : "in";
    }

    public String getGate() {
        return gate;
    }

    public void setGate(String gate) {
        this.gate = gate;
    }

    public ScanAnswer getAnswer() {
        return answer;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public List<DoorHit> getHits() {
        return hits;
    }

    public boolean isSearched() {
        return searched;
    }

    public String getLastAdmittedName() {
        return lastAdmittedName;
    }
}
