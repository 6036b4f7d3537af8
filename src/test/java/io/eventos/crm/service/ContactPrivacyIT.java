package io.eventos.crm.service;

import io.eventos.account.service.AuditQuery;
import io.eventos.account.service.AuditRecord;
import io.eventos.account.service.AuditService;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.ticketing.service.AttendeeRow;
import io.eventos.ticketing.service.OrderDetail;
import io.eventos.ticketing.service.OrderRequest;
import io.eventos.ticketing.service.OrderService;
import io.eventos.ticketing.service.PlacedOrder;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GDPR for one person in the container against the real PostgreSQL (docs/architecture.md "Contacts (CRM)"): the
 * export holds the contact, its consent history, timeline, the order it bought and the ticket issued to it with its
 * check-in; erasure anonymizes the contact, its attendee and the order's buyer fields while the money stays, keeps
 * the consent history and the timeline's entries without text, writes {@code contact.erased}, and the search no
 * longer finds the person. Only owners and admins may do either.
 */
public class ContactPrivacyIT extends ContactsOnSaleIT {

    @Inject
    ContactPrivacyService privacy;
    @Inject
    OrderService orders;
    @Inject
    AuditService audit;
    @Inject
    io.eventos.checkin.service.DoorService door;
    @Inject
    io.eventos.checkin.service.CheckInListService checkInLists;
    @Inject
    CampaignFixtures campaigns;
    @Inject
    ContactMergeService merging;

    private UUID manager;
    private UUID member;
    private UUID viewer;

    @BeforeEach
    void ticketsAndTeam() {
        try (var t = CurrentTenant.bind(account)) {
            manager = members.addMember(UUID.randomUUID(), "manager", null);
            member = members.addMember(UUID.randomUUID(), "member", null);
            viewer = members.addMember(UUID.randomUUID(), "viewer", null);
        }
    }

    @Test
    void theExportHoldsTheOrderAndTheTicketAndErasureKeepsOnlyTheMoney() {
        PlacedOrder placed = buy("Grace Hopper", "grace@example.org", List.of(
                new OrderRequest.AttendeeName("Grace", "Hopper", "grace@example.org"),
                new OrderRequest.AttendeeName("Alan", "Turing", "alan@example.org")));
        OrderDetail before = as(() -> orders.detail(placed.orderId()));
        AttendeeRow gracesTicket = before.attendees().stream().filter(a -> "Grace".equals(a.firstName()))
                .findFirst().orElseThrow();
        UUID list = as(() -> checkInLists.lists(event).get(0).id());
        as(() -> door.scan(event, list, new io.eventos.checkin.service.ScanRequest(gracesTicket.code(),
                UUID.randomUUID().toString(), io.eventos.checkin.domain.CheckInDirection.IN, null)));
        UUID grace = only(names("hopper")).id();
        as(() -> contacts.addEntry(grace, new TimelineEntryForm("note", "Prefers aisle seats",
                "Grace told us at the desk", null, null)));

        JsonObject export = Json.createReader(new StringReader(as(() -> privacy.exportJson(grace)))).readObject();
        assertEquals("grace@example.org", export.getJsonObject("contact").getString("email"));
        JsonObject order = export.getJsonArray("orders").getJsonObject(0);
        assertEquals(before.order().code(), order.getString("code"));
        assertEquals(before.order().totalMinor(), order.getJsonNumber("totalMinor").longValue());
        assertEquals("paid", order.getString("status"));
        assertEquals(1, export.getJsonArray("tickets").size(), "the ticket issued to her address, not Alan's");
        JsonObject ticket = export.getJsonArray("tickets").getJsonObject(0);
        assertEquals("Regular", ticket.getString("ticketType"));
        assertEquals("in", ticket.getJsonArray("checkIns").getJsonObject(0).getString("direction"));
        assertTrue(export.getJsonArray("timeline").stream().anyMatch(e -> e.toString().contains("Prefers aisle")));
        assertFalse(export.getJsonArray("consentHistory").isEmpty(), "she consented at checkout");
        String csv = as(() -> privacy.exportCsv(grace));
        assertTrue(csv.contains("orders,1,code," + before.order().code()), csv);
        assertTrue(csv.contains("tickets,1,checkIns[1].direction,in"), csv);
        assertTrue(csv.contains("contact,1,email,grace@example.org"), csv);

        for (UUID refused : List.of(manager, member, viewer)) {
            assertThrows(AccessDeniedException.class, () -> as(refused, () -> privacy.exportJson(grace)));
            assertThrows(AccessDeniedException.class, () -> as(refused, () -> privacy.erase(grace)));
        }
        List<ConsentChange> consents = as(() -> contacts.consentHistory(grace));
        int entries = as(() -> contacts.timeline(grace, null, 200)).size();

        ContactPrivacyService.Erasure erasure = as(() -> privacy.erase(grace));
        assertEquals(1, erasure.orders());
        assertEquals(1, erasure.attendees());

        OrderDetail after = as(() -> orders.detail(placed.orderId()));
        assertEquals(ContactPrivacyService.ERASED_NAME, after.order().buyerName());
        assertFalse(after.order().buyerEmail().contains("grace"), after.order().buyerEmail());
        assertTrue(after.order().buyerEmail().endsWith(".invalid"), "a non-deliverable placeholder");
        assertEquals(before.order().code(), after.order().code());
        assertEquals(before.order().totalMinor(), after.order().totalMinor());
        assertEquals(before.order().status(), after.order().status());
        assertEquals(before.order().placedAt(), after.order().placedAt());
        AttendeeRow erasedTicket = after.attendees().stream().filter(a -> a.id().equals(gracesTicket.id()))
                .findFirst().orElseThrow();
        assertEquals(ContactPrivacyService.ERASED_NAME, erasedTicket.name().strip());
        assertNull(erasedTicket.email());
        assertEquals(gracesTicket.code(), erasedTicket.code(), "the ticket still works at the door");
        assertTrue(after.attendees().stream().anyMatch(a -> "Turing".equals(a.lastName())
                && "alan@example.org".equals(a.email())), "Alan's ticket on her order is his, and stays");

        assertEquals(List.of(), names("hopper"), "the search no longer finds her name");
        assertEquals(List.of(), names("grace"));
        assertEquals(List.of(), names("grace@example"), "nor her address");
        assertEquals(1, names("turing").size());
        assertThrows(AccessDeniedException.class, () -> as(() -> contacts.detail(grace)));
        assertThrows(AccessDeniedException.class, () -> as(() -> privacy.erase(grace)), "erased once");
        assertEquals(consents, as(() -> contacts.consentHistory(grace)), "the consent history stays as proof");
        List<TimelineEntry> timeline = as(() -> contacts.timeline(grace, null, 200));
        assertEquals(entries, timeline.size(), "every timeline entry stays");
        TimelineEntry note = timeline.stream().filter(e -> "note".equals(e.kind())).findFirst().orElseThrow();
        assertNull(note.subject());
        assertNull(note.body());

        List<AuditRecord> erased = as(() -> audit.page(new AuditQuery("contact.erased", null, null, null), 0, 10));
        assertEquals(1, erased.size());
        assertEquals(grace, erased.get(0).subjectId());
        assertTrue(erased.get(0).actor() != null && !erased.get(0).actor().isBlank(), "who erased");
        assertTrue(erased.get(0).occurredAt() != null, "when");
        assertFalse(String.valueOf(erased.get(0).after()).toLowerCase().contains("grace"), erased.get(0).after());
        assertFalse(String.valueOf(erased.get(0).after()).toLowerCase().contains("hopper"), erased.get(0).after());
    }

    @Test
    void anErasedPersonsOtherOrdersAreAnonymizedTooAndOtherPeopleAreNot() {
        PlacedOrder first = buy("Ada Lovelace", "ada@example.org", List.of(
                new OrderRequest.AttendeeName("Ada", "Lovelace", null)));
        PlacedOrder second = buy("Ada L.", "ADA@example.org", List.of(
                new OrderRequest.AttendeeName("Ada", "L.", null)));
        PlacedOrder other = buy("Charles Babbage", "charles@example.org", List.of(
                new OrderRequest.AttendeeName("Charles", "Babbage", null)));
        UUID ada = only(names("lovelace")).id();
        assertEquals(2, as(() -> privacy.erase(ada)).orders(), "both orders bought with her address");
        for (PlacedOrder p : List.of(first, second)) {
            assertEquals(ContactPrivacyService.ERASED_NAME, as(() -> orders.detail(p.orderId())).order().buyerName());
        }
        assertEquals(ContactPrivacyService.ERASED_NAME, as(() -> orders.detail(first.orderId())).attendees().get(0)
                .name().strip(), "a ticket on her order without an address of its own is named only through her");
        assertEquals("Charles Babbage", as(() -> orders.detail(other.orderId())).order().buyerName());
        assertEquals("Charles Babbage", as(() -> orders.detail(other.orderId())).attendees().get(0).name());
        assertEquals(1, names("babbage").size());
    }

    /**
     * The campaigns sent to an erased person forget the address they went to, those sent to the rows merged into
     * them too (the same person), and other people's keep theirs.
     */
    @Test
    void theCampaignsSentToAnErasedPersonForgetTheAddress() {
        buy("Mary Jackson", "mary@work.example", List.of(new OrderRequest.AttendeeName("Mary", "Jackson", null)));
        buy("Mary Jackson", "mary@home.example", List.of(new OrderRequest.AttendeeName("Mary", "Jackson", null)));
        buy("Dorothy Vaughan", "dorothy@example.org", List.of(
                new OrderRequest.AttendeeName("Dorothy", "Vaughan", null)));
        List<UUID> marys = names("jackson").stream().map(c -> c.id()).toList();
        assertEquals(2, marys.size());
        UUID dorothy = only(names("vaughan")).id();
        UUID newsletter = as(() -> campaigns.campaign("Autumn newsletter"));
        UUID invitation = as(() -> campaigns.campaign("Gala invitation"));
        UUID toWork = as(() -> campaigns.delivery(newsletter, marys.get(0), "mary@work.example"));
        UUID toHome = as(() -> campaigns.delivery(invitation, marys.get(1), "mary@home.example"));
        // the survivor got the newsletter too: this delivery stays with the merged row
        UUID toHomeToo = as(() -> campaigns.delivery(newsletter, marys.get(1), "mary@home.example"));
        UUID toDorothy = as(() -> campaigns.delivery(newsletter, dorothy, "dorothy@example.org"));
        as(() -> merging.merge(marys.get(0), marys.get(1), java.util.Set.of()));

        as(() -> privacy.erase(marys.get(0)));

        assertEquals("", as(() -> campaigns.emailOf(toWork)));
        assertEquals("", as(() -> campaigns.emailOf(toHome)), "moved to her by the merge");
        assertEquals(marys.get(1), as(() -> campaigns.contactOf(toHomeToo)));
        assertEquals("", as(() -> campaigns.emailOf(toHomeToo)), "the delivery of the row merged into her");
        assertEquals("dorothy@example.org", as(() -> campaigns.emailOf(toDorothy)), "another person's");
    }

    private PlacedOrder buy(String buyer, String email, List<OrderRequest.AttendeeName> attendees) {
        return buy(buyer, email, attendees, true);
    }

    private <T> T as(UUID user, Supplier<T> call) {
        try (var t = CurrentTenant.bind(account); var u = CurrentTenant.bindUser(user)) {
            return call.get();
        }
    }
}
