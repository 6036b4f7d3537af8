package io.eventos.ticketing.web.organizer;

import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.web.BaseUrl;
import io.eventos.platform.web.Formats;
import io.eventos.platform.web.Ids;
import io.eventos.ticketing.service.AttendeeRow;
import io.eventos.ticketing.service.Money;
import io.eventos.ticketing.service.OrderDetail;
import io.eventos.ticketing.service.OrderService;
import io.eventos.ticketing.service.TicketingException;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * {@code /app/order.xhtml?id=…}: one order with its lines, tickets, payments and history, and what the organizer's
 * role may do with it: mark paid, cancel, refund chosen tickets, resend the confirmation, correct names, note.
 */
@Named
@ViewScoped
public class OrderPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient OrderService orders;

    private UUID id;
    private OrderDetail detail;
    private List<String> refundTickets = new ArrayList<>();
    private String note;
    private String cancelReason;
    private UUID renaming;
    private String firstName;
    private String lastName;
    private String email;
    private String declineReply;

    public void load() throws IOException {
        if (id == null) {
            Faces.responseSendError(404, "Not found");
            return;
        }
        try {
            detail = orders.detail(id);
            note = detail.internalNote();
        } catch (IllegalArgumentException | AccessDeniedException e) {
            Faces.responseSendError(404, "Not found");
        }
    }

    private void reload() {
        detail = orders.detail(detail.order().id());
    }

    public void markPaid() {
        run(() -> orders.markPaid(detail.order().id(), BaseUrl.of(Faces.getRequest())),
                "Marked paid; the buyer was sent the tickets.");
    }

    public void cancel() {
        run(() -> orders.cancel(detail.order().id(), cancelReason, BaseUrl.of(Faces.getRequest())),
                "The order was cancelled; its tickets are on sale again and the buyer was told by email.");
    }

    public void refund() {
        HashSet<UUID> chosen = new HashSet<>();
        refundTickets.stream().map(Ids::parse).filter(Objects::nonNull).forEach(chosen::add);
        try {
            long amount = orders.refund(detail.order().id(), chosen, BaseUrl.of(Faces.getRequest()));
            Messages.addGlobalInfo(Money.format(amount, detail.order().currency()) + " refunded for "
                    + chosen.size() + (chosen.size() == 1 ? " ticket" : " tickets")
                    + "; the places are on sale again and the buyer was told by email.");
            refundTickets = new ArrayList<>();
            reload();
        } catch (TicketingException refused) {
            Messages.addError(refused.field() == null ? null : "order-form:refund-tickets", refused.getMessage());
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    /** Approves the buyer's refund request: a full refund, the order cancelled, the buyer mailed. */
    public void approveRefund() {
        try {
            long amount = orders.approveRefundRequest(detail.order().id(), BaseUrl.of(Faces.getRequest()));
            Messages.addGlobalInfo("Request approved: " + Money.format(amount, detail.order().currency())
                    + " refunded and the order cancelled; the buyer was told by email.");
            reload();
        } catch (TicketingException | AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    /** Declines the buyer's refund request with a sentence that is mailed to them. */
    public void declineRefund() {
        try {
            orders.declineRefundRequest(detail.order().id(), declineReply, BaseUrl.of(Faces.getRequest()));
            Messages.addGlobalInfo("Request declined; the buyer was sent your answer. Their tickets stay valid.");
            declineReply = null;
            reload();
        } catch (TicketingException refused) {
            if ("reply".equals(refused.field())) {
                Messages.addError("order-form:decline-reply", refused.getMessage());
            } else {
                Messages.addGlobalError(refused.getMessage());
            }
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    public void resend() {
        run(() -> orders.resendConfirmation(detail.order().id(), BaseUrl.of(Faces.getRequest())),
                "The confirmation was sent again to " + detail.order().buyerEmail() + ".");
    }

    public void saveNote() {
        run(() -> orders.saveNote(detail.order().id(), note), "Note saved.");
    }

    public void startRename(AttendeeRow attendee) {
        renaming = attendee.id();
        firstName = attendee.firstName();
        lastName = attendee.lastName();
        email = attendee.email();
    }

    public void rename() {
        try {
            orders.renameAttendee(renaming, firstName, lastName, email);
            Messages.addGlobalInfo("The ticket now reads " + firstName.strip() + " " + lastName.strip() + ".");
            renaming = null;
            reload();
        } catch (TicketingException refused) {
            Messages.addError("order-form:first-name", refused.getMessage());
        } catch (AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    private void run(Runnable action, String done) {
        try {
            action.run();
            Messages.addGlobalInfo(done);
            reload();
        } catch (TicketingException | AccessDeniedException refused) {
            Messages.addGlobalError(refused.getMessage());
        }
    }

    public String money(long minor) {
        return Money.amount(minor, detail.order().currency());
    }

    public String at(Instant instant) {
        return instant == null ? "" : Formats.ISO_MINUTE.format(instant.atZone(ZoneId.of(detail.eventTimeZone())));
    }

    public String status() {
        return OrderService.displayStatus(detail.order(), Clock.systemUTC().instant());
    }

    public String statusClass() {
        return status().replace(' ', '-');
    }

    /** "by card", "by bank transfer", "free": how the order is paid, never a provider's id. */
    public String way(String provider) {
        return OrderService.paymentWay(provider);
    }

    public boolean isRenaming(AttendeeRow attendee) {
        return attendee.id().equals(renaming);
    }

    public OrderDetail getDetail() {
        return detail;
    }

    public UUID getId() {
        return id;
    }

    public void setId(UUID id) {
        this.id = id;
    }

    public List<String> getRefundTickets() {
        return refundTickets;
    }

    public void setRefundTickets(List<String> refundTickets) {
        this.refundTickets = refundTickets;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public void setCancelReason(String cancelReason) {
        this.cancelReason = cancelReason;
    }

    public String getDeclineReply() {
        return declineReply;
    }

    public void setDeclineReply(String declineReply) {
        this.declineReply = declineReply;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
