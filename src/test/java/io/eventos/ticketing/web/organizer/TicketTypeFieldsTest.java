package io.eventos.ticketing.web.organizer;

import io.eventos.ticketing.service.TicketTypeForm;
import io.eventos.ticketing.service.TicketTypeRow;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TicketTypeFieldsTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** Opening a ticket type and saving it untouched sends back exactly what it was. */
    @Test
    void aTypeOpenedAndSavedUnchangedIsTheSame() {
        UUID group = UUID.randomUUID();
        Instant start = Instant.parse("2027-03-01T14:00:00Z");
        Instant end = Instant.parse("2027-03-14T03:30:00Z");
        TicketTypeRow row = new TicketTypeRow(UUID.randomUUID(), "Early bird", "Before March", 2_550, "USD", 100,
                start, end, 2, 8, true, 3, true, group, "Hall", null, 100, TicketTypeRow.Status.PAUSED);

        TicketTypeFields form = TicketTypeFields.from(row, 2, NEW_YORK);

        assertThat(form.getPrice()).isEqualByComparingTo("25.50");
        assertThat(form.getSalesStart()).isEqualTo(LocalDateTime.of(2027, 3, 1, 9, 0));
        assertThat(form.id()).isEqualTo(row.id());
        assertThat(form.toInput(2, NEW_YORK)).isEqualTo(new TicketTypeForm("Early bird", "Before March", 2_550, 100,
                start, end, 2, 8, true, 3, true, group));
    }

    @Test
    void aNewTypeIsFreeUnlimitedAndListedLast() {
        TicketTypeFields form = TicketTypeFields.blank(4);
        form.setName("Regular");
        form.setPrice(new BigDecimal("1500"));

        assertThat(form.id()).isNull();
        assertThat(form.toInput(0, NEW_YORK)).isEqualTo(new TicketTypeForm("Regular", null, 1_500, null, null, null,
                1, 10, false, 4, false, null));
    }
}
