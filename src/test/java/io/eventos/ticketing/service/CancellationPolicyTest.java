package io.eventos.ticketing.service;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CancellationPolicyTest {

    private static final Instant START = Instant.parse("2026-03-14T17:00:00Z");

    @Test
    void theWindowClosesAtTheDeadlineItself() {
        CancellationPolicy policy = new CancellationPolicy(CancellationPolicy.Kind.REFUND, 48);
        Instant deadline = Instant.parse("2026-03-12T17:00:00Z");
        assertEquals(deadline, policy.deadline(START));
        assertTrue(policy.openAt(deadline.minusNanos(1), START));
        assertFalse(policy.openAt(deadline, START), "at the deadline it is too late");
        assertFalse(policy.openAt(deadline.plusSeconds(1), START));
        assertFalse(CancellationPolicy.NONE.openAt(Instant.EPOCH, START), "no policy: never open");
    }

    @Test
    void storedValuesThatMakeNoSenseReadAsCannotCancel() {
        assertEquals(CancellationPolicy.NONE, CancellationPolicy.of(null, 48));
        assertEquals(CancellationPolicy.NONE, CancellationPolicy.of("always", 48));
        assertEquals(new CancellationPolicy(CancellationPolicy.Kind.REQUEST, 0), CancellationPolicy.of("request", -5));
        assertEquals(CancellationPolicy.MAX_HOURS, CancellationPolicy.of("refund", 10_000_000).hoursBefore());
        assertNull(CancellationPolicy.NONE.json());
        assertEquals("{\"policy\": \"refund\", \"hours_before\": 72}",
                new CancellationPolicy(CancellationPolicy.Kind.REFUND, 72).json());
    }

    @Test
    void theStoredSettingReadsBackAsTheSamePolicyAndDamagedOnesAsCannotCancel() {
        CancellationPolicy policy = new CancellationPolicy(CancellationPolicy.Kind.REQUEST, 36);
        assertEquals(policy, CancellationPolicy.ofJson(policy.json()));
        assertEquals(new CancellationPolicy(CancellationPolicy.Kind.REFUND, 0),
                CancellationPolicy.ofJson("{\"policy\": \"refund\"}"));
        assertEquals(new CancellationPolicy(CancellationPolicy.Kind.REFUND, 0),
                CancellationPolicy.ofJson("{\"policy\": \"refund\", \"hours_before\": \"48\"}"),
                "hours as text are not a number of hours");
        assertEquals(CancellationPolicy.NONE, CancellationPolicy.ofJson("\"refund\""));
        assertEquals(CancellationPolicy.NONE, CancellationPolicy.ofJson("{\"policy\": 1, \"hours_before\": 48}"));
        assertEquals(CancellationPolicy.NONE, CancellationPolicy.ofJson("{not json"));
    }

    @Test
    void theOrganizerReadsThePolicyInOneSentence() {
        assertEquals("Buyers can cancel until 3 days before the start and are refunded in full at once.",
                new CancellationPolicy(CancellationPolicy.Kind.REFUND, 72).summary());
        assertEquals("Buyers can ask for a refund until 36 hours before the start; you approve or decline each "
                + "request.", new CancellationPolicy(CancellationPolicy.Kind.REQUEST, 36).summary());
        assertEquals("Buyers can cancel until the start and are refunded in full at once.",
                new CancellationPolicy(CancellationPolicy.Kind.REFUND, 0).summary());
    }

    @Test
    void theBuyerReadsTheDeadlineInTheEventsZone() {
        CancellationTerms terms = new CancellationTerms(CancellationTerms.State.CAN_CANCEL,
                Instant.parse("2030-03-12T17:00:00Z"), "Europe/Berlin", 4900, "EUR", false, "x@example.org", null,
                null, null);
        assertEquals("You can cancel this order until 12 March 2030, 18:00 (Europe/Berlin) and get €49.00 back.",
                terms.sentence());
    }
}
