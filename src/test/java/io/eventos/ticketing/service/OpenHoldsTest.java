package io.eventos.ticketing.service;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenHoldsTest {

    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    private final MovingClock clock = new MovingClock();
    private final OpenHolds holds = new OpenHolds(clock);

    @Test
    void anAddressGetsItsMaxOpenHoldsAndIsToldWhenTheFirstRunsOut() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), holds.tryOpen("10.0.0.1", "t" + i, T0.plusSeconds(300 + i), 3));
        }
        assertEquals(Optional.of(T0.plusSeconds(300)), holds.tryOpen("10.0.0.1", "t3", T0.plusSeconds(400), 3));
        assertEquals(3, holds.openFor("10.0.0.1"), "the refused one was not counted");
        assertEquals(Optional.empty(), holds.tryOpen("10.0.0.2", "u0", T0.plusSeconds(300), 3), "addresses apart");
    }

    @Test
    void aFinishedCheckoutNoLongerCountsSoBuyingAgainAndAgainIsNeverLimited() {
        for (int i = 0; i < 50; i++) {
            assertEquals(Optional.empty(), holds.tryOpen("10.0.0.1", "t" + i, T0.plusSeconds(300), 3), "hold " + i);
            holds.close("t" + i);
        }
        assertEquals(0, holds.openFor("10.0.0.1"));
    }

    @Test
    void aHoldThatRanOutFreesItsPlaceAndAnOpenedCheckoutKeepsItLonger() {
        holds.tryOpen("10.0.0.1", "a", T0.plusSeconds(300), 2);
        holds.tryOpen("10.0.0.1", "b", T0.plusSeconds(300), 2);
        holds.extend("a", T0.plusSeconds(900));
        clock.now = T0.plusSeconds(301);
        assertEquals(1, holds.openFor("10.0.0.1"), "b ran out, a was extended");
        assertEquals(Optional.empty(), holds.tryOpen("10.0.0.1", "c", T0.plusSeconds(600), 2));
        assertEquals(Optional.of(T0.plusSeconds(600)), holds.tryOpen("10.0.0.1", "d", T0.plusSeconds(700), 2));
    }

    @Test
    void aCallThatDidNotComeOverHttpIsNeverLimited() {
        for (int i = 0; i < 20; i++) {
            assertTrue(holds.tryOpen(null, "t" + i, T0.plusSeconds(300), 1).isEmpty());
        }
    }

    @Test
    void memoryStaysBounded() {
        for (int i = 0; i < OpenHolds.MAX_HOLDS + 10; i++) {
            holds.tryOpen("10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255), "t" + i,
                    T0.plus(Duration.ofSeconds(300 + i)), 10);
        }
        assertTrue(holds.openFor("10.0.0.0") <= 1);
        assertEquals(1, holds.openFor("10." + ((OpenHolds.MAX_HOLDS + 9) >> 16) + "."
                + (((OpenHolds.MAX_HOLDS + 9) >> 8) & 255) + "." + ((OpenHolds.MAX_HOLDS + 9) & 255)), "the newest kept");
    }

    private static final class MovingClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
