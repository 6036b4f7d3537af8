package io.eventos.event.service;

import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.text.Gzip;
import io.eventos.ticketing.service.EventOnSaleIT;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A public event page's rendering kept in the database (V37, {@link PublicPageStore}) is answered while what the
 * page shows holds, and never after: seats sold that change nothing on the page keep it; seats sold that change what
 * it says ("Only 20 left"), any write to the account's public content and another account all end it.
 */
class PublicPageStoreIT extends EventOnSaleIT {

    private static final String VARIANT = "test-variant";

    @Inject
    PublicEventService pages;
    @Inject
    PublicPageStore store;

    private UUID seats;

    @BeforeEach
    void twentyTwoSeats() {
        seats = as(() -> fixtures.ticketType(event, "Seat", 2500, 22, null));
    }

    @Test
    void aKeptRenderingIsAnsweredUntilSomethingItShowsChanges() {
        PublicEventDetails details = read();
        byte[] html = ("<html><body>Rush " + details.contentVersion() + " — Sitzplätze</body></html>")
                .getBytes(StandardCharsets.UTF_8);
        keep(details, "W/\"first\"", html);

        Optional<PublicPageStore.KeptPage> kept = current();
        assertTrue(kept.isPresent(), "kept and current");
        assertArrayEquals(html, Gzip.decompress(kept.get().htmlGzip()));
        assertEquals("W/\"first\"", kept.get().etag());
        assertEquals(event, kept.get().eventId());
        assertFalse(kept.get().noIndex());
        assertTrue(as(() -> store.current("rush", "another-build")).isEmpty(), "another build's or address's page");

        buy(Map.of(seats, 1), "test_card"); // 21 left: the page still says "available"
        assertTrue(current().isPresent(), "a sale that changes nothing the page says");

        buy(Map.of(seats, 1), "test_card"); // 20 left: the page would now say "Only 20 left"
        assertEquals(PublicPageStore.Freshness.OUTDATED, as(() -> store.lookUp("rush", VARIANT)).freshness(),
                "a sale that changes what the page says");

        PublicEventDetails now = read();
        assertEquals(Integer.valueOf(20), now.offers().get(0).remaining());
        keep(now, "W/\"second\"", html);
        assertTrue(current().isPresent(), "kept again from what is sold now");

        as(() -> fixtures.capacityGroup(event, "Balcony", 50)); // any write to the account's public content
        assertTrue(current().isEmpty(), "after a change of content");
        PublicEventDetails newest = read();
        assertTrue(newest.contentVersion() > now.contentVersion(), "the version moved on");

        keep(newest, "W/\"newest\"", html);
        keep(now, "W/\"late\"", html); // a rendering of older data arriving late does not replace a newer one
        assertEquals("W/\"newest\"", current().orElseThrow().etag());

        try (var other = CurrentTenant.bind(UUID.randomUUID())) {
            assertTrue(store.current("rush", VARIANT).isEmpty(), "another account's view");
        }
    }

    private PublicEventDetails read() {
        return as(() -> pages.findEventDetails("rush").orElseThrow());
    }

    private void keep(PublicEventDetails details, String etag, byte[] html) {
        as(() -> {
            store.keep(VARIANT, details, Instant.now(), etag, Gzip.compress(html));
            return null;
        });
    }

    private Optional<PublicPageStore.KeptPage> current() {
        return as(() -> store.current("rush", VARIANT));
    }
}
