package io.eventos.ticketing.service;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class StockTest {

    private static final UUID HALL = UUID.randomUUID();
    private static final UUID EARLY = UUID.randomUUID();
    private static final UUID REGULAR = UUID.randomUUID();
    private static final UUID VIP = UUID.randomUUID();

    /** Early and Regular share the hall (10 seats, 7 taken); VIP has 5 of its own, 4 taken; the event holds 30. */
    private static Stock stock(Integer eventCapacity) {
        Stock.Counts early = new Stock.Counts(3, 0, 0);
        Stock.Counts regular = new Stock.Counts(2, 1, 1);
        Stock.Counts vip = new Stock.Counts(4, 0, 0);
        return new Stock(eventCapacity, early.plus(regular).plus(vip), Map.of(
                EARLY, new Stock.TicketStock(EARLY, "Early", 10, HALL, early),
                REGULAR, new Stock.TicketStock(REGULAR, "Regular", null, HALL, regular),
                VIP, new Stock.TicketStock(VIP, "VIP", 5, null, vip)),
                Map.of(HALL, new Stock.GroupStock(HALL, "Hall", 10, early.plus(regular))));
    }

    @Test
    void anOrderFitsOnlyIfItsTypesItsGroupsAndTheEventAllHaveRoom() {
        assertThat(stock(null).hasRoomFor(Map.of(EARLY, 3))).isTrue();
        assertThat(stock(null).hasRoomFor(Map.of(EARLY, 2, REGULAR, 2)))
                .as("each type alone fits the hall's 3 free seats, together they do not").isFalse();
        assertThat(stock(null).hasRoomFor(Map.of(VIP, 2))).as("one VIP left").isFalse();
        assertThat(stock(null).hasRoomFor(Map.of(VIP, 1, EARLY, 3))).isTrue();
        assertThat(stock(12).hasRoomFor(Map.of(VIP, 1, EARLY, 1))).as("the event: 12 seats, 11 taken").isFalse();
        assertThat(stock(null).hasRoomFor(Map.of(UUID.randomUUID(), 1))).as("an unknown type").isFalse();
    }
}
