package io.eventos.ticketing.service;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.eventos.testing.QrReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TicketPdfTest {

    @Test
    void onePagePerValidTicketWhoseQrCodeIsTheTicketCode() throws Exception {
        // a two-day event with a long address and a long name: everything must still fit on the ticket's one page
        OrderTickets order = order(List.of(
                ticket("Augusta Ada King", "Countess of Lovelace-Byron", "Zp3u0bq1yH6kT9wQm2c4Xg", "valid"),
                ticket("Refunded", "Person", "AAAAAAAAAAAAAAAAAAAAAA", "refunded"),
                ticket("Grace", "Hopper", "k8Jd_2-hQ1mN5pLr7sTvWy", "valid")));
        byte[] pdf = TicketPdf.render(order);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(QrReader.qrCodesOfPdf(pdf)).containsExactly("Zp3u0bq1yH6kT9wQm2c4Xg", "k8Jd_2-hQ1mN5pLr7sTvWy");
    }

    @Test
    void westernNamesAreWrittenInTheStandardFontsWithNothingEmbedded() throws Exception {
        byte[] pdf = TicketPdf.render(order(List.of(ticket("Zoë", "Müller-Ørsted", "Zp3u0bq1yH6kT9wQm2c4Xg", "valid"))));
        String page = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1).replaceAll("\\s+", " ");
        assertThat(page).contains("Zoë Müller-Ørsted", "Schönhauser Allee", "K7QX-3MZP · Ada Lovelace",
                "Saturday 20 March 2027 09:00 – Sunday 21 March 2027 17:30 (Europe/Berlin)");
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).doesNotContain("/FontFile");
        assertThat(pdf.length).isLessThan(4_000);
    }

    @Test
    void namesInOtherAlphabetsGetAnEmbeddedFontThatHasTheirLetters() throws Exception {
        byte[] pdf = TicketPdf.render(order(List.of(
                ticket("Łukasz", "Dvořák", "Zp3u0bq1yH6kT9wQm2c4Xg", "valid"),
                ticket("Дмитрий", "Иванов", "k8Jd_2-hQ1mN5pLr7sTvWy", "valid"))));
        PdfTextExtractor text = new PdfTextExtractor(new PdfReader(pdf));
        assertThat(text.getTextFromPage(1)).contains("Łukasz Dvořák", "Schönhauser Allee");
        assertThat(text.getTextFromPage(2)).contains("Дмитрий Иванов");
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).contains("/FontFile2");
        assertThat(QrReader.qrCodesOfPdf(pdf)).containsExactly("Zp3u0bq1yH6kT9wQm2c4Xg", "k8Jd_2-hQ1mN5pLr7sTvWy");
    }

    @Test
    void timesAreWrittenInTheEventsTimeZone() {
        // 14:00 UTC in March is 15:00 in Berlin (CET), 10:00 in New York (EDT after 14 March 2027)
        Instant start = Instant.parse("2027-03-20T14:00:00Z");
        Instant end = Instant.parse("2027-03-20T17:30:00Z");
        assertThat(TicketPdf.when(start, end, "Europe/Berlin"))
                .isEqualTo("Saturday 20 March 2027, 15:00–18:30 (Europe/Berlin)");
        assertThat(TicketPdf.when(start, end, "America/New_York"))
                .isEqualTo("Saturday 20 March 2027, 10:00–13:30 (America/New_York)");
    }

    @Test
    void theConfirmationsPdfIsMadeOnDeliveryFromTheOrderItCarries() throws Exception {
        OrderTickets order = order(java.util.stream.Stream.of(ticket("Ada", "Lovelace", "CODE-ONE-1234", "valid"),
                ticket("Charles", "Babbage", "CODE-TWO-5678", "valid")).toList());
        var later = TicketsPdfAttachment.of(order);

        var pdf = new TicketsPdfAttachment().make(later.reference());

        assertThat(pdf.fileName()).isEqualTo("tickets-K7QX-3MZP.pdf");
        assertThat(io.eventos.testing.QrReader.qrCodesOfPdf(pdf.content()))
                .containsExactlyInAnyOrder("CODE-ONE-1234", "CODE-TWO-5678");
    }

    @Test
    void anythingButAnOrdersDataIsRefusedOnDelivery() throws Exception {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(new java.util.concurrent.atomic.AtomicLong(7));
        }
        String foreign = java.util.Base64.getEncoder().encodeToString(bytes.toByteArray());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TicketsPdfAttachment().make(foreign))
                .isInstanceOf(IllegalStateException.class);
    }

    private static OrderTickets.Ticket ticket(String first, String last, String code, String status) {
        return new OrderTickets.Ticket(UUID.randomUUID(), first, last, null, "Regular", code, status);
    }

    private static OrderTickets order(List<OrderTickets.Ticket> tickets) {
        return new OrderTickets(UUID.randomUUID(), "Northwind Events", "demo",
                "Nordic Product Summit: Building Products People Love, Two Days in Berlin", "summit",
                Instant.parse("2027-03-20T08:00:00Z"), Instant.parse("2027-03-21T16:30:00Z"), "Europe/Berlin",
                "Kulturbrauerei", "Schönhauser Allee 36, Entrance Sredzkistraße 1, Building 8, 10435 Berlin, DE", null,
                "hello@northwind.example",
                "K7QX-3MZP", "Ada Lovelace", "ada@example.org", "paid", 5000, 0, "EUR", "test_card", null, tickets);
    }
}
