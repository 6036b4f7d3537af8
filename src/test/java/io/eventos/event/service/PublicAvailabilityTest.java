package io.eventos.event.service;

import io.eventos.event.domain.EventFormat;
import io.eventos.event.domain.EventStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PublicAvailabilityTest {

    private static final UUID SEAT = UUID.randomUUID();
    private static final UUID FREE = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2031-05-01T10:00:00Z");

    @Test
    void aKeptPageHoldsWhileWhatItSaysOfEveryTicketTypeHolds() {
        String kept = PublicAvailability.of(List.of(offer(SEAT, 40, TicketOffer.SalesState.ON_SALE, null, null),
                offer(FREE, null, TicketOffer.SalesState.ON_SALE, null, null)));
        assertThat(PublicAvailability.unchanged(kept, left(40, null))).isTrue();
        assertThat(PublicAvailability.unchanged(kept, left(21, null))).as("still plenty").isTrue();
        assertThat(PublicAvailability.unchanged(kept, left(20, null))).as("now 'Only 20 left'").isFalse();
        assertThat(PublicAvailability.unchanged(kept, left(0, null))).as("sold out").isFalse();
        assertThat(PublicAvailability.unchanged(kept, Map.of(SEAT, 40))).as("a type gone").isFalse();

        String few = PublicAvailability.of(List.of(offer(SEAT, 7, TicketOffer.SalesState.ON_SALE, null, null)));
        assertThat(PublicAvailability.unchanged(few, Map.of(SEAT, 7))).isTrue();
        assertThat(PublicAvailability.unchanged(few, Map.of(SEAT, 6))).as("one fewer shown").isFalse();
        assertThat(PublicAvailability.unchanged(few, Map.of(SEAT, 30))).as("refunds: available again").isFalse();

        String notYet = PublicAvailability.of(List.of(offer(SEAT, 7, TicketOffer.SalesState.NOT_YET, null, null)));
        assertThat(PublicAvailability.unchanged(notYet, Map.of(SEAT, 5))).as("no number before sales").isTrue();
        assertThat(PublicAvailability.unchanged(notYet, Map.of(SEAT, 0))).as("sold out is said anyway").isFalse();
    }

    @Test
    void aKeptPageChangesByItselfWhenTheNextSalesWindowOpensOrClosesOrTheEventEnds() {
        Instant opens = NOW.plusSeconds(3600);
        Instant closes = NOW.plusSeconds(7200);
        Instant ends = NOW.plusSeconds(86_400);
        var event = event(ends);
        assertThat(PublicPageStore.changesBy(new PublicEventDetails(null, event, List.of(
                offer(SEAT, 5, TicketOffer.SalesState.NOT_YET, opens, closes),
                offer(FREE, null, TicketOffer.SalesState.ON_SALE, NOW.minusSeconds(60), null))), NOW))
                .isEqualTo(opens);
        assertThat(PublicPageStore.changesBy(new PublicEventDetails(null, event, List.of(
                offer(SEAT, 5, TicketOffer.SalesState.ON_SALE, NOW.minusSeconds(1), closes))), NOW))
                .isEqualTo(closes);
        assertThat(PublicPageStore.changesBy(new PublicEventDetails(null, event, List.of()), NOW)).isEqualTo(ends);
        assertThat(PublicPageStore.changesBy(new PublicEventDetails(null, event(NOW.minusSeconds(1)), List.of()),
                NOW)).as("over: nothing ahead").isNull();
    }

    private static Map<UUID, Integer> left(Integer seat, Integer free) {
        Map<UUID, Integer> left = new HashMap<>();
        left.put(SEAT, seat);
        left.put(FREE, free);
        return left;
    }

    private static TicketOffer offer(UUID id, Integer remaining, TicketOffer.SalesState state, Instant start,
                                     Instant end) {
        return new TicketOffer(id, "Seat", null, 1000, "EUR", state, start, end, remaining);
    }

    private static PublicEvent event(Instant ends) {
        return new PublicEvent(UUID.randomUUID(), "rush", "Rush", null, null, ends.minusSeconds(3600), ends,
                ZoneId.of("UTC"), EventFormat.IN_PERSON, EventStatus.PUBLISHED, null, null, null, List.of(), false);
    }
}
