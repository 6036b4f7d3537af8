package io.eventos.ticketing.service;

import io.eventos.platform.mail.MailAttachmentMaker;
import io.eventos.platform.mail.MailMessage;
import io.eventos.platform.mail.TransactionalMail;
import io.eventos.platform.tenancy.TenantBound;
import io.eventos.ticketing.domain.Order;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.UUID;

/**
 * The tickets of an order as a PDF attached to its confirmation, made when the email is delivered (on an outbox
 * worker, the order's account bound): one page and one QR code per valid ticket, as the order stands then.
 */
@Stateless
@TenantBound
public class TicketsPdfAttachment implements MailAttachmentMaker {

    static final String KIND = "tickets-pdf";

    @PersistenceContext(unitName = "eventos")
    EntityManager em;

    /** The PDF of this order's tickets, to make on delivery. */
    static TransactionalMail.Later of(UUID orderId) {
        return new TransactionalMail.Later(KIND, orderId.toString());
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public MailMessage.Attachment make(String orderId) {
        Order order = em.find(Order.class, UUID.fromString(orderId));
        if (order == null) {
            throw new IllegalStateException("Order " + orderId + " is not there (deleted?)");
        }
        OrderTickets tickets = OrderTicketsQuery.of(em, order);
        return new MailMessage.Attachment("tickets-" + tickets.orderCode() + ".pdf", "application/pdf",
                TicketPdf.render(tickets));
    }
}
