package io.eventos.platform.persistence;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The organizer lists' totals in words, which rows a page reads, and the literals written into the text planned() explains. */
class ListTotalTest {

    @Test
    void anExactTotalIsWrittenOutAnEstimateIsRoundedAndSaysSo() {
        assertEquals("No orders", new ListTotal(0, false).words("order", "orders"));
        assertEquals("1 order", new ListTotal(1, false).words("order", "orders"));
        assertEquals("9,999 orders", new ListTotal(9_999, false).words("order", "orders"));
        assertEquals("about 170,000 orders", new ListTotal(167_432, true).words("order", "orders"));
        assertEquals("about 1,000,000 entries", new ListTotal(1_004_611, true).words("entry", "entries"));
    }

    @Test
    void aPageNearerTheEndIsReadFromTheEnd() {
        ListTotal hundred = new ListTotal(100, false);
        assertEquals(new ListTotal.Window(false, 0, 25), hundred.window(0, 25));
        assertEquals(new ListTotal.Window(false, 25, 25), hundred.window(25, 25));
        assertEquals(new ListTotal.Window(true, 25, 25), hundred.window(50, 25), "rows 50-74: 25 after them");
        assertEquals(new ListTotal.Window(true, 0, 25), hundred.window(75, 25), "the last page");
        assertEquals(new ListTotal.Window(true, 0, 15), new ListTotal(90, false).window(75, 25), "a short last page");
        assertEquals(new ListTotal.Window(false, 40, 25), new ListTotal(0, false).window(40, 25), "no total known");
        assertEquals(new ListTotal.Window(true, 0, 1), new ListTotal(10, false).window(30, 25), "past the end");
    }

    @Test
    void parametersBecomeLiteralsThatCannotEndTheirQuotes() {
        UUID id = UUID.fromString("00000000-0000-0000-0000-00000000000a");
        assertEquals("from orders o where o.event_id = E'" + id + "' and o.placed_at >= E'2026-12-05T10:00:00Z' "
                        + "and x like E'%o''brien\\\\%' and n = 12 and p = E'?1'",
                ListTotal.inline("from orders o where o.event_id = ?1 and o.placed_at >= ?2 and x like ?10 and n = ?3 "
                        + "and p = ?11", Map.of(1, id, 2, Instant.parse("2026-12-05T10:00:00Z"), 10, "%o'brien\\%",
                        3, 12, 11, "?1")));
        assertEquals("E'2026-12-05T10:00:00Z'", ListTotal.literal(java.sql.Timestamp.from(
                Instant.parse("2026-12-05T10:00:00Z"))));
        // a backslash before a quote cannot escape it, whatever standard_conforming_strings says
        assertEquals("E'\\\\''; drop table orders; --'", ListTotal.literal("\\'; drop table orders; --"));
        assertThrows(IllegalArgumentException.class, () -> ListTotal.inline("x = ?2", Map.of(1, "a")));
        assertThrows(IllegalArgumentException.class, () -> ListTotal.literal("a\0b"));
    }
}
