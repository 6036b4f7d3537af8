package io.eventos.ticketing.service;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import io.eventos.platform.qr.QrCodes;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.Deflater;

/**
 * The tickets of an order as a PDF (OpenPDF): one A5 page per valid ticket with the event, its date and time in
 * the event's own time zone, the place, the attendee, the ticket type, the order code and a QR code of the
 * ticket's code, which the check-in scanner reads.
 */
public final class TicketPdf {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final Charset WESTERN = Charset.forName("windows-1252");

    /**
     * The type of one ticket PDF. Text that Windows-1252 can write (English and the Western European languages, the
     * en dash and middle dot included) uses the PDF standard fonts, which every reader has: nothing is embedded and
     * the PDF stays under 2 kB. Any other letter (Polish, Czech, Greek, Cyrillic names...) needs a font that has it:
     * then OpenPDF embeds the part of its bundled Liberation Sans that the text uses, which makes the PDF about ten
     * times larger and costs about a millisecond more to write (the confirmation mail of every paid order has one).
     */
    private record Type(Font title, Font label, Font value, Font code) {
        private static final Color INK = new Color(0x1f, 0x29, 0x37);
        private static final Color MUTED = new Color(0x6b, 0x72, 0x80);
        static final Type STANDARD = new Type(
                new Font(standard(BaseFont.HELVETICA_BOLD), 17, Font.NORMAL, INK),
                new Font(standard(BaseFont.HELVETICA), 8, Font.NORMAL, MUTED),
                new Font(standard(BaseFont.HELVETICA), 11, Font.NORMAL, Color.BLACK),
                new Font(standard(BaseFont.COURIER), 9, Font.NORMAL, Color.BLACK));
        static final Type EMBEDDED = new Type(
                new Font(Font.HELVETICA, 17, Font.BOLD, INK),
                new Font(Font.HELVETICA, 8, Font.NORMAL, MUTED),
                new Font(Font.HELVETICA, 11, Font.NORMAL, Color.BLACK),
                new Font(Font.COURIER, 9, Font.NORMAL, Color.BLACK));

        private static BaseFont standard(String name) {
            try {
                return BaseFont.createFont(name, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
            } catch (IOException e) {
                throw new UncheckedIOException("OpenPDF's standard font " + name + " is missing.", e);
            }
        }

        /** The standard fonts if they can write every text of the order, otherwise the embedded one. */
        static Type of(OrderTickets order) {
            CharsetEncoder western = WESTERN.newEncoder();
            List<String> texts = new ArrayList<>(List.of(order.eventName(), order.orderCode(), order.buyerName()));
            texts.add(Objects.toString(order.venueName(), ""));
            texts.add(Objects.toString(order.venueAddress(), ""));
            texts.add(Objects.toString(order.onlineUrl(), ""));
            texts.add(order.timeZone());
            for (OrderTickets.Ticket ticket : order.validTickets()) {
                texts.add(ticket.attendeeName());
                texts.add(ticket.ticketName());
                texts.add(ticket.code());
            }
            return texts.stream().allMatch(western::canEncode) ? STANDARD : EMBEDDED;
        }
    }

    /** Side of the QR code on the page, in points (about 5.3 cm). */
    private static final float QR_SIDE = 150;

    private TicketPdf() {
    }

    public static byte[] render(OrderTickets order) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A5, 36, 36, 36, 36);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            // the fastest deflate: the page and QR streams are small, and the default level cost a few percent of
            // the server's CPU in the checkout rush (one PDF per paid order) for a few bytes
            writer.setCompressionLevel(Deflater.BEST_SPEED);
            document.addTitle("Tickets " + order.orderCode() + " – " + order.eventName());
            document.addCreator("EventOS");
            document.open();
            Type type = Type.of(order);
            boolean first = true;
            for (OrderTickets.Ticket ticket : order.validTickets()) {
                if (!first) {
                    document.newPage();
                }
                first = false;
                page(document, writer, type, order, ticket);
            }
            if (first) {
                document.add(new Paragraph("This order has no valid tickets.", type.value()));
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("The ticket PDF could not be written.", e);
        }
        return out.toByteArray();
    }

    /** The QR code drawn as squares (vector): crisp when printed or zoomed, and cheap to write. */
    private static Image qr(PdfWriter writer, String code) {
        boolean[][] modules = QrCodes.modules(code);
        float cell = QR_SIDE / modules.length;
        PdfTemplate template = writer.getDirectContent().createTemplate(QR_SIDE, QR_SIDE);
        template.setColorFill(Color.WHITE);
        template.rectangle(0, 0, QR_SIDE, QR_SIDE);
        template.fill();
        template.setColorFill(Color.BLACK);
        for (int row = 0; row < modules.length; row++) {
            boolean[] line = modules[row];
            for (int column = 0; column < line.length; column++) {
                int run = 0;
                while (column + run < line.length && line[column + run]) {
                    run++;
                }
                if (run > 0) { // one rectangle per run of dark modules in a row
                    template.rectangle(column * cell, QR_SIDE - (row + 1) * cell, run * cell, cell);
                    column += run - 1;
                }
            }
        }
        template.fill();
        Image image = Image.getInstance(template);
        image.setAlignment(Element.ALIGN_CENTER);
        return image;
    }

    private static void page(Document document, PdfWriter writer, Type type, OrderTickets order,
                             OrderTickets.Ticket ticket) {
        document.add(new Paragraph(order.eventName(), type.title()));
        field(document, type, "When", when(order.startsAt(), order.endsAt(), order.timeZone()));
        if (order.venueName() != null) {
            field(document, type, "Where", order.venueName() + (order.venueAddress() == null ? "" : ", " + order.venueAddress()));
        } else if (order.onlineUrl() != null) {
            field(document, type, "Where", "Online: " + order.onlineUrl());
        }
        field(document, type, "Attendee", ticket.attendeeName());
        field(document, type, "Ticket", ticket.ticketName());
        field(document, type, "Order", order.orderCode() + " · " + order.buyerName());
        document.add(qr(writer, ticket.code()));
        Paragraph code = new Paragraph(ticket.code(), type.code());
        code.setAlignment(Element.ALIGN_CENTER);
        document.add(code);
        Paragraph hint = new Paragraph("Show this code at the entrance, on paper or on your phone. "
                + "It admits one person once.", type.label());
        hint.setAlignment(Element.ALIGN_CENTER);
        document.add(hint);
    }

    private static void field(Document document, Type type, String label, String value) {
        Paragraph heading = new Paragraph(label, type.label());
        heading.setSpacingBefore(5);
        document.add(heading);
        document.add(new Paragraph(value, type.value()));
    }

    /** "Saturday 13 March 2027, 09:00–17:30 (Europe/Berlin)", or two dates when it ends on another day. */
    public static String when(Instant startsAt, Instant endsAt, String timeZone) {
        ZoneId zone = ZoneId.of(timeZone);
        ZonedDateTime start = startsAt.atZone(zone);
        ZonedDateTime end = endsAt.atZone(zone);
        String text = start.toLocalDate().equals(end.toLocalDate())
                ? DAY.format(start) + ", " + TIME.format(start) + "–" + TIME.format(end)
                : DAY.format(start) + " " + TIME.format(start) + " – " + DAY.format(end) + " " + TIME.format(end);
        return text + " (" + timeZone + ")";
    }
}
