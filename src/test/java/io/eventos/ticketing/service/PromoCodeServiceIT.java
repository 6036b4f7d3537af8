package io.eventos.ticketing.service;

import io.eventos.account.service.AuditQuery;
import io.eventos.account.service.AuditRecord;
import io.eventos.account.service.AuditService;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.event.service.TicketOffer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The organizer's promo codes in the container against the real PostgreSQL: what the list shows (uses, state,
 * ticket types), every refused value with its sentence, delete versus "End now", the audit trail, and that codes
 * made here are the codes the checkout applies (percent, fixed, unlock, per-order limit, usage limit).
 */
public class PromoCodeServiceIT extends EventOnSaleIT {

    @Inject
    PromoCodeService promoCodes;
    @Inject
    CheckoutService checkout;
    @Inject
    TicketCatalog catalog;
    @Inject
    TicketTypeService ticketTypes;
    @Inject
    AuditService audit;

    private UUID regular;
    private UUID vip;

    @BeforeEach
    void ticketTypesOnSale() {
        try (var t = CurrentTenant.bind(account)) {
            regular = fixtures.ticketType(event, "Regular", 2500, 50, null);
            vip = fixtures.ticketType(event, "VIP", 9900, 10, null);
        }
    }

    @Test
    void theListShowsUsesStateAndTicketTypesAndACodeUsedUpIsRefusedAtTheCheckout() {
        Instant now = Instant.now();
        UUID spring = as(() -> promoCodes.create(event, form("SPRING", "percent", 20, null, List.of(), 1, null,
                null, null)));
        as(() -> promoCodes.create(event, form("vip-5", "fixed", null, 500L, List.of(vip), null, 2, null, null)));
        as(() -> promoCodes.create(event, form("LATER", "percent", 10, null, List.of(), null, null,
                now.plus(2, ChronoUnit.DAYS), now.plus(9, ChronoUnit.DAYS))));
        as(() -> promoCodes.create(event, form("OVER", "percent", 10, null, List.of(), null, null,
                now.minus(9, ChronoUnit.DAYS), now.minus(2, ChronoUnit.DAYS))));

        Map<String, PromoCodeRow> rows = rows();
        assertEquals(List.of("LATER", "OVER", "SPRING", "vip-5"), List.copyOf(rows.keySet()), "alphabetical");
        assertEquals("20 % off", rows.get("SPRING").discount());
        assertEquals("0 / 1", rows.get("SPRING").usage());
        assertEquals(PromoCodeRow.State.ACTIVE, rows.get("SPRING").state());
        assertEquals("€5.00 off", rows.get("vip-5").discount());
        assertEquals(List.of("VIP"), rows.get("vip-5").ticketNames());
        assertEquals("0 / no limit", rows.get("vip-5").usage());
        assertEquals(2, rows.get("vip-5").perOrderLimit());
        assertEquals(PromoCodeRow.State.SCHEDULED, rows.get("LATER").state());
        assertEquals(PromoCodeRow.State.EXPIRED, rows.get("OVER").state());

        HoldView hold = as(() -> checkout.reserve(new Cart(event, Map.of(regular, 2), "spring")));
        assertEquals(1000, hold.discountMinor(), "20 % off two tickets of €25.00, the code typed in lower case");
        as(() -> checkout.placeOrder(order(hold), BASE));
        PromoCodeRow usedUp = rows().get("SPRING");
        assertEquals("1 / 1", usedUp.usage());
        assertEquals(PromoCodeRow.State.USED_UP, usedUp.state());
        assertEquals("This code has been used up.", assertThrows(SaleRefusedException.class,
                () -> as(() -> checkout.reserve(new Cart(event, Map.of(regular, 1), "SPRING")))).getMessage());
        assertEquals("This code is not valid yet.", assertThrows(SaleRefusedException.class,
                () -> as(() -> checkout.reserve(new Cart(event, Map.of(regular, 1), "LATER")))).getMessage());

        // a fixed amount for VIP only, at most two discounted tickets per order
        HoldView vips = as(() -> checkout.reserve(new Cart(event, Map.of(vip, 3, regular, 1), "VIP-5")));
        assertEquals(1000, vips.discountMinor(), "€5.00 off two of the three VIP tickets, nothing off Regular");

        // the usage limit cannot go below the uses
        assertEquals(Map.of("usageLimit", "The limit is at least 1; leave it empty for no limit."),
                problems(() -> promoCodes.update(event, spring, form("SPRING", "percent", 20, null, List.of(), 0,
                        null, null, null))));
        as(() -> { fixtures.usePromoCode("SPRING", 7); return null; });
        assertEquals(Map.of("usageLimit", "Already used 7 times; the limit cannot be lower."),
                problems(() -> promoCodes.update(event, spring, form("SPRING", "percent", 20, null, List.of(), 6,
                        null, null, null))));
        as(() -> { promoCodes.update(event, spring, form("SPRING", "percent", 25, null, List.of(), 8, null, null,
                null)); return null; });
        assertEquals("7 / 8", rows().get("SPRING").usage());
        assertEquals(PromoCodeRow.State.ACTIVE, rows().get("SPRING").state(), "a raised limit makes it usable again");

        List<AuditRecord> trail = as(() -> audit.page(new AuditQuery("promo_code.", null, null, null), 0, 20));
        assertEquals(4, trail.stream().filter(r -> r.action().equals("promo_code.created")).count());
        AuditRecord updated = trail.stream().filter(r -> r.action().equals("promo_code.updated")).findFirst()
                .orElseThrow();
        assertEquals(spring, updated.subjectId());
        assertTrue(updated.before().contains("\"percent_off\": 20") && updated.after().contains("\"percent_off\": 25"),
                updated.toString());
    }

    @Test
    void badInputIsRefusedWithOneSentencePerField() {
        as(() -> promoCodes.create(event, form("SPRING", "percent", 10, null, List.of(), null, null, null, null)));
        Instant now = Instant.now();
        assertEquals(Map.of(
                        "code", "This event already has the code SPRING.",
                        "percentOff", "Enter a percentage from 1 to 100.",
                        "usageLimit", "The limit is at least 1; leave it empty for no limit.",
                        "perOrderLimit", "At least 1 ticket per order; leave it empty for no limit.",
                        "validUntil", "The code must stop being valid after it starts."),
                problems(() -> promoCodes.create(event, form(" spring ", "percent", 101, null, List.of(), 0, 0,
                        now.plus(2, ChronoUnit.DAYS), now.plus(1, ChronoUnit.DAYS)))));
        assertEquals(Map.of("code", "Enter the code people will type, e.g. SPRING.",
                        "percentOff", "Enter a percentage from 1 to 100."),
                problems(() -> promoCodes.create(event, form("  ", "percent", 0, null, List.of(), null, null, null,
                        null))));
        assertEquals(Map.of("code", "Use only letters, digits, - and _ (no spaces).",
                        "amountOff", "Enter an amount above 0, e.g. 5.00."),
                problems(() -> promoCodes.create(event, form("SUMMER 10%", "fixed", null, 0L, List.of(), null, null,
                        null, null))));
        assertEquals(Map.of("code", "A code has at most 40 characters; this one has 41.",
                        "kind", "Choose what the code does."),
                problems(() -> promoCodes.create(event, form("A".repeat(41), null, null, null, List.of(), null, null,
                        null, null))));
        assertEquals(Map.of("tickets", "This event has no hidden ticket types, so there is nothing to unlock. On "
                        + "the tickets page, mark a type “Hidden until a promo code unlocks it” first."),
                problems(() -> promoCodes.create(event, form("INSIDERS", "unlock", null, null, List.of(), null, null,
                        null, null))));
        UUID other = UUID.randomUUID(); // no ticket type of this event
        assertEquals(Map.of("tickets", "Choose ticket types of this event."),
                problems(() -> promoCodes.create(event, form("ODD", "percent", 10, null, List.of(other), null, null,
                        null, null))));
        assertEquals(1, rows().size(), "nothing refused was saved");
    }

    @Test
    void anUnlockCodeOpensOnlyTheHiddenTypesItNames() {
        UUID crew = as(() -> ticketTypes.create(event, new TicketTypeForm("Crew", null, 0, 20, null, null, 1, 2, true,
                5, false, null)));
        assertEquals(Map.of("tickets", "Choose the hidden ticket types this code unlocks."),
                problems(() -> promoCodes.create(event, form("CREW", "unlock", null, null, List.of(), null, null,
                        null, null))));
        assertEquals(Map.of("tickets", "“Regular” is not hidden: everyone can buy it already. An unlock code opens "
                        + "hidden ticket types only."),
                problems(() -> promoCodes.create(event, form("CREW", "unlock", null, null, List.of(regular, crew),
                        null, null, null, null))));
        as(() -> promoCodes.create(event, form("CREW", "unlock", null, null, List.of(crew), 3, null, null, null)));
        assertEquals("Unlocks hidden tickets", rows().get("CREW").discount());
        assertEquals(List.of("Regular", "VIP"), names(as(() -> catalog.offers(event, null))));
        assertEquals(List.of("Regular", "VIP", "Crew"), names(as(() -> catalog.offers(event, "crew"))));

        // a discount for "all ticket types" discounts what people see; it opens no hidden type
        as(() -> promoCodes.create(event, form("ALL20", "percent", 20, null, List.of(), null, null, null, null)));
        List<TicketOffer> withDiscount = as(() -> catalog.offers(event, "ALL20"));
        assertEquals(List.of("Regular", "VIP"), names(withDiscount));
        assertEquals(500, withDiscount.get(0).discountMinor(), "20 % of €25.00, shown next to the price");
        assertEquals("This ticket type is not sold here; reload the page to see the current tickets.",
                assertThrows(SaleRefusedException.class, () -> as(() -> checkout.reserve(new Cart(event,
                        Map.of(crew, 1), "ALL20")))).getMessage());
        assertEquals(0, as(() -> checkout.reserve(new Cart(event, Map.of(crew, 1), "CREW"))).totalMinor(),
                "the unlock code sells the free crew ticket");
    }

    @Test
    void anUnusedCodeIsDeletedAUsedOneIsEndedInstead() {
        UUID unused = as(() -> promoCodes.create(event, form("UNUSED", "percent", 10, null, List.of(), null, null,
                null, null)));
        UUID popular = as(() -> promoCodes.create(event, form("POPULAR", "percent", 10, null, List.of(), null, null,
                null, null)));
        as(() -> checkout.placeOrder(order(as(() -> checkout.reserve(new Cart(event, Map.of(regular, 1),
                "POPULAR")))), BASE));
        as(() -> checkout.reserve(new Cart(event, Map.of(regular, 1), "UNUSED"))); // someone's cart, not ordered

        TicketingException inCart = assertThrows(TicketingException.class,
                () -> as(() -> { promoCodes.delete(event, unused); return null; }));
        assertTrue(inCart.getMessage().startsWith("Someone has UNUSED in their cart right now"), inCart.getMessage());
        as(() -> { fixtures.ageHolds(event, 16); return null; }); // the cart expired
        as(() -> { promoCodes.delete(event, unused); return null; });
        assertFalse(rows().containsKey("UNUSED"));

        TicketingException used = assertThrows(TicketingException.class,
                () -> as(() -> { promoCodes.delete(event, popular); return null; }));
        assertEquals("POPULAR was used once, so it stays for the record of those orders; use “End now” to stop it "
                + "being used.", used.getMessage());
        assertTrue(rows().get("POPULAR").endable());
        as(() -> { promoCodes.end(event, popular); return null; });
        PromoCodeRow ended = rows().get("POPULAR");
        assertEquals(PromoCodeRow.State.EXPIRED, ended.state());
        assertEquals("1 / no limit", ended.usage());
        assertFalse(ended.validUntil().isAfter(Instant.now()));
        assertEquals("This code has expired.", assertThrows(SaleRefusedException.class,
                () -> as(() -> checkout.reserve(new Cart(event, Map.of(regular, 1), "popular")))).getMessage());

        List<String> actions = as(() -> audit.page(new AuditQuery("promo_code.", null, null, null), 0, 20)).stream()
                .map(AuditRecord::action).toList();
        assertTrue(actions.containsAll(List.of("promo_code.deleted", "promo_code.ended")), actions.toString());
    }

    @Test
    void anotherAccountsEventHasNoCodesToSeeOrMake() {
        UUID stranger = UUID.randomUUID();
        UUID strangerOwner = UUID.randomUUID();
        try (var t = CurrentTenant.bind(stranger); var u = CurrentTenant.bindUser(strangerOwner)) {
            members.createAccountWithEvent("promo-stranger-" + stranger.toString().substring(0, 8));
            assertThrows(AccessDeniedException.class, () -> promoCodes.list(event));
            assertThrows(AccessDeniedException.class, () -> promoCodes.create(event, form("MINE", "percent", 50, null,
                    List.of(), null, null, null, null)));
        }
        assertTrue(rows().isEmpty());
    }

    // ---------------------------------------------------------------------------------------------------------------

    private Map<String, PromoCodeRow> rows() {
        Map<String, PromoCodeRow> rows = new LinkedHashMap<>();
        as(() -> promoCodes.list(event)).forEach(r -> rows.put(r.code(), r));
        return rows;
    }

    /** The refused fields with their sentences. */
    private Map<String, String> problems(Runnable call) {
        TicketingInputException refused = assertThrows(TicketingInputException.class,
                () -> as(() -> { call.run(); return null; }));
        Map<String, String> problems = new LinkedHashMap<>();
        refused.problems().forEach(p -> problems.put(p.field(), p.message()));
        return problems;
    }

    private static List<String> names(List<TicketOffer> offers) {
        return offers.stream().map(TicketOffer::name).toList();
    }

    private static PromoCodeForm form(String code, String kind, Integer percent, Long amountMinor, List<UUID> tickets,
                                      Integer usageLimit, Integer perOrder, Instant from, Instant until) {
        return new PromoCodeForm(code, kind, percent, amountMinor, tickets, usageLimit, perOrder, from, until);
    }

    private static OrderRequest order(HoldView hold) {
        List<OrderRequest.AttendeeName> names = new ArrayList<>();
        for (int i = 0; i < hold.tickets(); i++) {
            names.add(new OrderRequest.AttendeeName("Ada", "Guest" + i, null));
        }
        return new OrderRequest(hold.token(), "Ada Buyer", "ada@example.org", names, true, "offline",
                UUID.randomUUID().toString(), "en");
    }
}
