package io.eventos.crm.service;

import io.eventos.account.service.AccountSettingsService;
import io.eventos.account.service.AuditQuery;
import io.eventos.account.service.AuditRecord;
import io.eventos.account.service.AuditService;
import io.eventos.account.service.SettingsException;
import io.eventos.ticketing.service.OrderDetail;
import io.eventos.ticketing.service.OrderRequest;
import io.eventos.ticketing.service.OrderService;
import io.eventos.ticketing.service.PlacedOrder;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The retention sweep (docs/architecture.md "Contacts (CRM)"), run directly: with a retention period of one year,
 * only the contacts without activity for longer are anonymized — by the same erasure as "Erase this person", so their
 * order keeps its money — each audited; a contact that looks old but has a recent timeline entry, a recent buyer and
 * an old contact of an account without a period stay. The account's stamp keeps a second server from sweeping again.
 */
public class ContactRetentionIT extends ContactsOnSaleIT {

    @Inject
    ContactRetention retention;
    @Inject
    RetentionFixtures time;
    @Inject
    AccountSettingsService settings;
    @Inject
    OrderService orders;
    @Inject
    AuditService audit;

    @Test
    void onlyContactsWithoutActivityForTheRetentionPeriodAreAnonymizedAndTheirOrdersKeepTheMoney() {
        PlacedOrder oldOrder = buy("Old Buyer", "old@example.org");
        PlacedOrder newOrder = buy("New Buyer", "new@example.org");
        UUID old = only(names("old@example")).id();
        UUID busy = as(() -> contacts.create(new ContactForm("Busy", "Person", "busy@example.org", null, null, null,
                null, null, null, null, List.of(), null, Map.of())));
        UUID quiet = as(() -> contacts.create(new ContactForm("Quiet", "Person", "quiet@example.org", null, null, null,
                null, null, null, null, List.of(), null, Map.of())));
        as(() -> {
            time.age(old, 400);
            time.age(busy, 400);
            time.age(quiet, 400);
            return null;
        });
        as(() -> contacts.addEntry(busy, new TimelineEntryForm("call", "Called today", null, null, null)));
        OrderDetail before = as(() -> orders.detail(oldOrder.orderId()));

        assertEquals(0, retention.sweep(account, Duration.ZERO).contacts(), "no period set: nothing to do");
        assertEquals(1, names("old@example").size());

        assertThrows(SettingsException.class, () -> as(() -> {
            settings.changeDataRetention("7");
            return null;
        }), "too short to be meant");
        as(() -> {
            settings.changeDataRetention("365");
            return null;
        });
        assertEquals(365, as(() -> settings.current()).dataRetentionDays());

        ContactPrivacyService.Retention done = retention.sweep(account, Duration.ZERO);
        assertEquals(2, done.contacts(), "the old buyer and the quiet contact");
        assertEquals(1, done.orders());
        assertEquals(List.of(), names("old@example"));
        assertEquals(List.of(), names("quiet"));
        assertEquals(1, names("busy").size(), "a recent call keeps the person");
        assertEquals(1, names("new@example").size());

        OrderDetail after = as(() -> orders.detail(oldOrder.orderId()));
        assertEquals(ContactPrivacyService.ERASED_NAME, after.order().buyerName());
        assertEquals(before.order().totalMinor(), after.order().totalMinor());
        assertEquals(before.order().status(), after.order().status());
        assertEquals(before.order().code(), after.order().code());
        assertEquals(before.order().placedAt(), after.order().placedAt());
        assertEquals("New Buyer", as(() -> orders.detail(newOrder.orderId())).order().buyerName());

        List<AuditRecord> erased = as(() -> audit.page(new AuditQuery("contact.erased", null, null, null), 0, 10));
        assertEquals(2, erased.size());
        assertTrue(erased.stream().allMatch(e -> String.valueOf(e.after()).contains("retention")), erased.toString());
        assertTrue(erased.stream().noneMatch(e -> String.valueOf(e.after()).toLowerCase().contains("old")));

        assertNull(retention.sweep(account, ContactRetention.EVERY), "swept within the hour: another server skips");
    }

    private PlacedOrder buy(String buyer, String email) {
        return buy(buyer, email, List.of(new OrderRequest.AttendeeName(buyer.split(" ")[0], buyer.split(" ")[1],
                null)), false);
    }
}
