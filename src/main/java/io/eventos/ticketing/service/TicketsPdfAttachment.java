package io.eventos.ticketing.service;

import io.eventos.platform.mail.MailAttachmentMaker;
import io.eventos.platform.mail.MailMessage;
import io.eventos.platform.mail.TransactionalMail;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * The tickets of an order as a PDF attached to its confirmation, made when the outbox delivers the email: one page
 * and one QR code per valid ticket, as the order stood when the email was written. The order's data travels with the
 * email (sealed with it: the ticket codes are secrets), so delivery reads nothing from the database — under a
 * checkout rush the connection pool belongs to the buyers.
 */
@ApplicationScoped
public class TicketsPdfAttachment implements MailAttachmentMaker {

    static final String KIND = "tickets-pdf";

    /** Only the order's own records may be read back (the data is authenticated too; this is a second lock). */
    private static final ObjectInputFilter ONLY_ORDER_TICKETS = ObjectInputFilter.Config.createFilter(
            OrderTickets.class.getName() + ";" + OrderTickets.Ticket.class.getName()
                    + ";java.util.*;java.time.*;java.lang.*;maxdepth=6;maxbytes=1000000;!*");

    /** The PDF of these tickets, to make on delivery. */
    static TransactionalMail.Later of(OrderTickets order) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(order);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TransactionalMail.Later(KIND, Base64.getEncoder().encodeToString(bytes.toByteArray()));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public MailMessage.Attachment make(String reference) {
        OrderTickets tickets;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(
                Base64.getDecoder().decode(reference)))) {
            in.setObjectInputFilter(ONLY_ORDER_TICKETS);
            tickets = (OrderTickets) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("The order data of this email cannot be read", e);
        }
        return new MailMessage.Attachment("tickets-" + tickets.orderCode() + ".pdf", "application/pdf",
                TicketPdf.render(tickets));
    }
}
