package io.eventos.event.web.publicsite;

import io.eventos.account.service.AccountProfile;
import io.eventos.event.domain.EventFormat;
import io.eventos.event.domain.EventStatus;
import io.eventos.event.service.PublicEvent;
import io.eventos.event.service.PublicEventDetails;
import io.eventos.event.service.TicketOffer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EventPageModelsTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = Instant.parse("2027-01-01T10:00:00Z");

    @Test
    void aDayWithoutTracksIsOneGroupAndADayWithTracksPutsTheRestUnderEveryone() {
        PublicEvent event = event(List.of(
                item("Keynote", "2027-03-09T08:00:00Z", null, "KEYNOTE"),
                item("Product talk", "2027-03-09T09:00:00Z", "Product", "TALK"),
                item("Lunch", "2027-03-09T11:00:00Z", null, "BREAK"),
                item("Late night", "2027-03-09T23:30:00Z", null, "OTHER"))); // 00:30 the next day in Berlin
        var days = EventPageModels.agenda(event, "/e/demo/summit");
        assertThat(days).hasSize(2);
        assertThat(days.get(0).label()).isEqualTo("Tuesday, 9 March 2027");
        assertThat(days.get(0).tracks()).extracting(EventPageModel.AgendaTrack::name)
                .containsExactly("Everyone", "Product");
        assertThat(days.get(0).tracks().get(0).rows()).extracting(EventPageModel.AgendaRow::title)
                .containsExactly("Keynote", "Lunch");
        assertThat(days.get(0).tracks().get(0).rows().get(0).time()).isEqualTo("09:00 – 09:45");
        assertThat(days.get(0).tracks().get(0).rows().get(1).calendarPath()).as("a break").isNull();
        assertThat(days.get(1).label()).isEqualTo("Wednesday, 10 March 2027");
        assertThat(days.get(1).tracks()).extracting(EventPageModel.AgendaTrack::name).containsOnlyNulls();
    }

    @Test
    void ticketTypesSayWhatIsLeftOnlyWhenItIsLittle() {
        PublicEvent event = event(List.of());
        assertThat(EventPageModels.offer(offer(24900, "EUR", TicketOffer.SalesState.ON_SALE, 300), event, NOW))
                .extracting(EventPageModel.OfferRow::price, EventPageModel.OfferRow::state,
                        EventPageModel.OfferRow::availability)
                .containsExactly("€249.00", "On sale", "Available");
        assertThat(EventPageModels.offer(offer(4500, "USD", TicketOffer.SalesState.ON_SALE, 1), event, NOW)
                .availability()).isEqualTo("Only 1 left");
        assertThat(EventPageModels.offer(offer(0, "JPY", TicketOffer.SalesState.ON_SALE, 0), event, NOW))
                .extracting(EventPageModel.OfferRow::price, EventPageModel.OfferRow::availability,
                        EventPageModel.OfferRow::soldOut)
                .containsExactly("Free", "Sold out", true);
        assertThat(EventPageModels.offer(offer(1000, "JPY", TicketOffer.SalesState.ON_SALE, null), event, NOW)
                .price()).isEqualTo("¥1,000");
        var notYet = new TicketOffer(UUID.randomUUID(), "Late", null, 1000, "EUR", TicketOffer.SalesState.NOT_YET,
                Instant.parse("2027-02-01T08:00:00Z"), null, 10);
        assertThat(EventPageModels.offer(notYet, event, NOW).state()).isEqualTo("On sale from Mon 1 Feb 2027 09:00");
        assertThat(EventPageModels.offer(notYet, event, NOW).availability()).isNull();
    }

    @Test
    void theEntityTagFollowsTheContent() {
        var profile = new AccountProfile(UUID.randomUUID(), "demo", "Northwind", null, "UTC", null, null);
        PublicEvent event = event(List.of());
        var plenty = new PublicEventDetails(profile, event, List.of(offer(100, "EUR", TicketOffer.SalesState.ON_SALE, 9)));
        var fewer = new PublicEventDetails(profile, event, List.of(offer(100, "EUR", TicketOffer.SalesState.ON_SALE, 8)));
        String tag = EventPageModels.etag(plenty, false, "http://x", "v1");
        assertThat(EventPageModels.etag(plenty, false, "http://x", "v1")).isEqualTo(tag).startsWith("W/\"");
        assertThat(EventPageModels.etag(fewer, false, "http://x", "v1")).isNotEqualTo(tag);
        assertThat(EventPageModels.etag(plenty, true, "http://x", "v1")).as("ended").isNotEqualTo(tag);
        assertThat(EventPageModels.etag(plenty, false, "http://y", "v1")).as("other links").isNotEqualTo(tag);
        assertThat(EventPageModels.etag(plenty, false, "http://x", "v2")).as("other deployment").isNotEqualTo(tag);
    }

    private static final UUID OFFER_ID = UUID.randomUUID();

    private static TicketOffer offer(long price, String currency, TicketOffer.SalesState state, Integer remaining) {
        return new TicketOffer(OFFER_ID, "Ticket", null, price, currency, state, null, null, remaining);
    }

    private static PublicEvent.AgendaItem item(String title, String start, String track, String kind) {
        Instant at = Instant.parse(start);
        return new PublicEvent.AgendaItem(UUID.randomUUID(), title, null, kind, track, "Hall", at,
                at.plusSeconds(45 * 60), List.of(new PublicEvent.AgendaSpeaker("Ada", "Co", null)));
    }

    private static PublicEvent event(List<PublicEvent.AgendaItem> agenda) {
        return new PublicEvent(UUID.randomUUID(), "summit", "Summit", "Summary", "<p>x</p>",
                Instant.parse("2027-03-09T08:00:00Z"), Instant.parse("2027-03-10T16:00:00Z"), BERLIN,
                EventFormat.IN_PERSON, EventStatus.PUBLISHED, null, "a@b.test", null, agenda, false);
    }
}
