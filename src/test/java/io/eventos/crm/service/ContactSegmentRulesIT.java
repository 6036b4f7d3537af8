package io.eventos.crm.service;

import io.eventos.checkin.domain.CheckInDirection;
import io.eventos.checkin.service.CheckInListService;
import io.eventos.checkin.service.DoorService;
import io.eventos.checkin.service.ScanRequest;
import io.eventos.platform.input.InputProblem;
import io.eventos.platform.input.InputRefusedException;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.ticketing.service.EventOnSaleIT;
import io.eventos.ticketing.service.Cart;
import io.eventos.ticketing.service.HoldView;
import io.eventos.ticketing.service.OrderRequest;
import io.eventos.ticketing.service.OrderService;
import io.eventos.ticketing.service.PlacedOrder;
import io.eventos.ticketing.service.payment.TestCardGateway;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The segment rules read from ticketing (abandoned checkout, spent at least X per currency, ticket type bought), the
 * custom field conditions and saved views, in the container against PostgreSQL as the application role. Each rule's
 * expected members are computed from ticketing's own tables by {@link SegmentRuleFixtures}, not through the read
 * model the service uses; the story around them makes each one say something (a refund, two currencies, an expired
 * hold followed by an order, another account's sales).
 */
public class ContactSegmentRulesIT extends EventOnSaleIT {

    @Inject
    ContactService contacts;
    @Inject
    ContactFieldService fields;
    @Inject
    ContactSegmentService segments;
    @Inject
    ContactViewService views;
    @Inject
    OrderService orders;
    @Inject
    SegmentRuleFixtures rules;
    @Inject
    io.eventos.crm.service.ContactPrivacyService privacy;
    @Inject
    ContactMergeService merging;
    @Inject
    DoorService door;
    @Inject
    CheckInListService checkInLists;
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    private UUID regular;
    private UUID vip;
    private UUID standardUsd;
    private UUID usdEvent;

    @BeforeEach
    void ticketTypes() {
        try (var t = CurrentTenant.bind(account)) {
            regular = fixtures.ticketType(event, "Regular", 2500, 100, null);
            vip = fixtures.ticketType(event, "VIP", 10000, 100, null);
            standardUsd = rules.eventWithTicketType("usd-" + account.toString().substring(0, 8), "USD", "Standard",
                    4000);
            usdEvent = rules.eventOf(standardUsd);
        }
    }

    @Test
    void spendIsPaidMinusRefundedPerCurrencyAndTicketTypesAreThoseStillPaid() {
        PlacedOrder ada = buy(event, regular, 2, "Ada Lovelace", "ada@example.org");
        as(() -> orders.refund(ada.orderId(), Set.of(as(() -> orders.detail(ada.orderId())).attendees().get(0).id()),
                BASE)); // one of two tickets back: 50.00 - 25.00
        buy(event, vip, 1, "Ben Byte", "ben@example.org");
        buy(usdEvent, standardUsd, 2, "Cy Cent", "cy@example.org");
        PlacedOrder gone = buy(event, vip, 1, "Dan Done", "dan@example.org");
        as(() -> orders.refund(gone.orderId(), Set.of(as(() -> orders.detail(gone.orderId())).attendees().get(0)
                .id()), BASE)); // all back: cancelled, spent nothing

        assertEquals(List.of("ada@example.org", "ben@example.org"), expectedSpenders("EUR", 2500),
                "the story: Ada kept 25.00, Ben 100.00, Dan nothing, Cy paid in dollars");
        for (long minor : new long[] {1, 2500, 2501, 10000, 10001}) {
            assertEquals(expectedSpenders("EUR", minor), emails(spent("EUR", minor)), "EUR ≥ " + minor);
        }
        assertEquals(List.of("cy@example.org"), emails(spent("USD", 8000)));
        assertEquals(expectedSpenders("USD", 8001), emails(spent("USD", 8001)));
        assertEquals(List.of(), emails(spent("GBP", 1)), "no conversion between currencies");

        assertEquals(List.of("ada@example.org"), as(() -> rules.buyersOf(regular)));
        for (UUID type : List.of(regular, vip, standardUsd)) {
            assertEquals(as(() -> rules.buyersOf(type)), emails(all().withSales(null, null, null, type, null)),
                    "bought ticket type " + type);
        }
        assertFalse(emails(all().withSales(null, null, null, vip, null)).contains("dan@example.org"),
                "a refunded order's ticket type does not count");

        // stored in a segment and counted live with the others, in one statement
        as(() -> segments.save("Big spenders", all().withSales(null, null, null, null, null)
                .withSales(null, "EUR", 2501L, null, null)));
        as(() -> segments.save("VIP buyers", all().withSales(null, null, null, vip, null)));
        assertEquals(List.of("Big spenders|1", "VIP buyers|1"), as(() -> segments.list()).stream()
                .map(s -> s.name() + "|" + s.count()).toList());
        ContactFilter stored = as(() -> segments.rules(as(() -> segments.list()).get(0).id()));
        assertEquals("EUR", stored.spentCurrency());
        assertEquals(2501L, stored.spentAtLeastMinor());
    }

    /**
     * The event behaviour the filters read (V36: facts and counters kept where sales, check-ins, merges and erasure
     * happen) always equals what ticketing's and check-in's tables say: after sales and check-ins (two of one
     * person's tickets scanned at once count once), a refund (an order paid stays bought), a merge and its undo, and
     * an erasure (the person's rows go).
     */
    @Test
    void eventBehaviourCountersFollowSalesCheckInsRefundsMergesUndoAndErasure() throws Exception {
        PlacedOrder ada = buy(event, regular, 2, "Ada Lovelace", "ada@example.org"); // two tickets, no addresses
        buy(usdEvent, standardUsd, 1, "Cy Twin", "cy@example.org");
        PlacedOrder eveHere = buy(event, regular, 1, "Eve Everywhere", "eve@example.org");
        PlacedOrder eveThere = buy(usdEvent, standardUsd, 1, "Eve Everywhere", "eve@example.org");
        buy(event, vip, 1, "Ben Away", "ben@example.org");
        PlacedOrder dan = buy(event, vip, 1, "Dan Refunded", "dan@example.org");

        // both of Ada's tickets at the door at the same moment: her contact attended this event once
        List<String> codes = as(() -> orders.detail(ada.orderId())).attendees().stream().map(a -> a.code()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(2, threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> scans = new ArrayList<>();
            for (String code : codes) {
                scans.add(pool.submit(() -> {
                    start.await();
                    return scan(event, code);
                }));
            }
            start.countDown();
            for (Future<Object> f : scans) {
                assertEquals("admitted", f.get(2, TimeUnit.MINUTES), "both tickets are admitted");
            }
        } finally {
            pool.shutdownNow();
        }
        scan(event, as(() -> orders.detail(eveHere.orderId())).attendees().get(0).code());
        scan(usdEvent, as(() -> orders.detail(eveThere.orderId())).attendees().get(0).code());
        assertBehaviour("after sales and check-ins");
        assertEquals("1|1", as(() -> rules.eventCounters()).get("ada@example.org"), "two tickets, one event");
        assertEquals(List.of("eve@example.org"), emails(attendedAtLeast(2)));

        as(() -> orders.refund(dan.orderId(), Set.of(as(() -> orders.detail(dan.orderId())).attendees().get(0).id()),
                BASE)); // all back: cancelled, but the order was paid
        assertBehaviour("after a refund");
        assertTrue(emails(stayedAway(event)).contains("dan@example.org"), "bought (and refunded), did not come");

        UUID adaId = as(() -> rules.contactOf("ada@example.org"));
        UUID cyId = as(() -> rules.contactOf("cy@example.org"));
        UUID merge = as(() -> merging.merge(adaId, cyId, Set.of()));
        assertBehaviour("after a merge");
        assertEquals("2|1", as(() -> rules.eventCounters()).get("ada@example.org"), "Cy's purchase is Ada's now");
        assertTrue(emails(repeat()).contains("ada@example.org"));
        assertEquals(0, as(() -> rules.eventRowsOf(cyId)), "the merged contact keeps nothing");

        as(() -> {
            merging.undo(merge);
            return null;
        });
        assertBehaviour("after the undo");
        assertEquals("1|1", as(() -> rules.eventCounters()).get("ada@example.org"));
        assertEquals("1|0", as(() -> rules.eventCounters()).get("cy@example.org"));

        UUID benId = as(() -> rules.contactOf("ben@example.org"));
        as(() -> privacy.erase(benId));
        assertBehaviour("after an erasure");
        assertEquals(0, as(() -> rules.eventRowsOf(benId)), "the erased person's event behaviour goes");
    }

    /**
     * A first check-in at the very moment its person is erased: the door waits for the erasure and then records no
     * event behaviour on the erased contact (before V38 it could leave one fact row there), while the ticket still
     * admits its holder.
     */
    @Test
    void aFirstCheckInDuringAnErasureLeavesNoEventBehaviourOnTheErasedContact() throws Exception {
        PlacedOrder ben = buy(event, regular, 1, "Ben Door", "ben@example.org");
        String code = as(() -> orders.detail(ben.orderId())).attendees().get(0).code();
        UUID benId = as(() -> rules.contactOf("ben@example.org"));
        ExecutorService pool = Executors.newFixedThreadPool(2, threads);
        try {
            CountDownLatch erased = new CountDownLatch(1);
            Future<Object> erasure = pool.submit(() -> as(() -> {
                rules.eraseAndWaitForAWaiter(benId, erased);
                return null;
            }));
            assertTrue(erased.await(2, TimeUnit.MINUTES), "the erasure ran");
            Future<Object> checkIn = pool.submit(() -> scan(event, code)); // while the erasure is not committed yet
            erasure.get(2, TimeUnit.MINUTES);
            assertEquals("admitted", checkIn.get(2, TimeUnit.MINUTES), "the ticket still admits its holder");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, as(() -> rules.eventRowsOf(benId)), "no event behaviour on the erased contact");
        assertBehaviour("after a check-in during an erasure");
    }

    /** The counters and every event-behaviour filter agree with ticketing's and check-in's tables. */
    private void assertBehaviour(String when) {
        Map<String, String> expected = as(() -> rules.eventBehaviour());
        assertEquals(expected, as(() -> rules.eventCounters()), when);
        for (int n = 1; n <= 3; n++) {
            int atLeast = n;
            assertEquals(expected.entrySet().stream().filter(e -> attended(e.getValue()) >= atLeast)
                    .map(Map.Entry::getKey).sorted().toList(), emails(attendedAtLeast(n)), when + ": attended ≥ " + n);
        }
        assertEquals(expected.entrySet().stream().filter(e -> bought(e.getValue()) == 1).map(Map.Entry::getKey)
                .sorted().toList(), emails(new ContactFilter(null, null, null, null, null, null, null, null,
                "first")), when + ": first-time");
        assertEquals(expected.entrySet().stream().filter(e -> bought(e.getValue()) >= 2).map(Map.Entry::getKey)
                .sorted().toList(), emails(repeat()), when + ": repeat");
        for (UUID e : List.of(event, usdEvent)) {
            List<String> bought = emails(new ContactFilter(null, null, e, null, null, null));
            List<String> attended = emails(new ContactFilter(null, null, null, e, null, null));
            assertEquals(bought.stream().filter(x -> !attended.contains(x)).toList(), emails(stayedAway(e)),
                    when + ": bought, did not attend " + e);
            assertEquals(as(() -> rules.buyersOfEvent(e)), bought, when + ": bought for " + e);
            assertEquals(as(() -> rules.attendeesOfEvent(e)), attended, when + ": attended " + e);
        }
    }

    private static int bought(String counts) {
        return Integer.parseInt(counts.substring(0, counts.indexOf('|')));
    }

    private static int attended(String counts) {
        return Integer.parseInt(counts.substring(counts.indexOf('|') + 1));
    }

    private static ContactFilter attendedAtLeast(int n) {
        return new ContactFilter(null, null, null, null, null, null, null, n, null);
    }

    private static ContactFilter repeat() {
        return new ContactFilter(null, null, null, null, null, null, null, null, "repeat");
    }

    private static ContactFilter stayedAway(UUID eventId) {
        return new ContactFilter(null, null, null, null, null, null, eventId, null, null);
    }

    /** Scans the ticket in at the event's default list as the owner; the answer's result. */
    private String scan(UUID eventId, String code) {
        return as(() -> {
            UUID list = checkInLists.lists(eventId).get(0).id();
            return door.scan(eventId, list, new ScanRequest(code, UUID.randomUUID().toString(), CheckInDirection.IN,
                    null)).result();
        });
    }

    @Test
    void anAbandonedCheckoutIsAHoldThatRanOutWithNoOrderOfThatEventSince() {
        UUID dee = as(() -> contacts.create(form("Dee", "Left", "dee@example.org", Map.of())));
        as(() -> contacts.create(form("Fay", "Dollar", "fay@example.org", Map.of())));
        as(() -> contacts.create(form("Gil", "Typed", "gil@example.org", Map.of())));
        String deesHold = abandon(event, regular, "DEE@example.org"); // any case: the address the person typed
        PlacedOrder eve = buy(event, regular, 1, "Eve Back", "eve@example.org");
        assertTrue(as(() -> orders.detail(eve.orderId())) != null);
        abandon(event, regular, "eve@example.org");
        buy(event, regular, 1, "Eve Back", "eve@example.org"); // came back and bought: not abandoned
        abandon(usdEvent, standardUsd, "fay@example.org");
        buy(event, vip, 1, "Ben Byte", "ben@example.org");
        abandon(event, regular, "ben@example.org"); // bought before, then left a second checkout: abandoned
        HoldView live = as(() -> shop.reserve(new Cart(event, Map.of(regular, 1), null)));
        as(() -> {
            shop.rememberEmail(live.token(), "gil@example.org"); // still running: not abandoned (yet)
            return null;
        });
        assertEquals("gil@example.org", as(() -> rules.holdEmail(live.token())));

        assertEquals(List.of("ben@example.org", "dee@example.org", "fay@example.org"),
                as(() -> rules.abandoners(null)), "the story, computed from the holds and orders");
        assertEquals(as(() -> rules.abandoners(null)), emails(abandoned("any")));
        assertEquals(as(() -> rules.abandoners(event)), emails(abandoned(event.toString())));
        assertEquals(List.of("fay@example.org"), emails(abandoned(usdEvent.toString())));

        as(() -> segments.save("Left a checkout", abandoned("any")));
        assertEquals(List.of("Left a checkout|3"), as(() -> segments.list()).stream()
                .map(s -> s.name() + "|" + s.count()).toList());

        // erasing Dee also forgets the address her unfinished checkout kept
        as(() -> privacy.erase(dee));
        assertEquals(null, as(() -> rules.holdEmail(deesHold)));
        assertEquals(List.of("ben@example.org", "fay@example.org"), emails(abandoned("any")));
    }

    @Test
    void customFieldConditionsFollowTheFieldsKind() {
        as(() -> fields.add("Company size", "number", null));
        as(() -> fields.add("Industry", "choice", "Tech, Arts"));
        as(() -> fields.add("Renewal", "date", null));
        as(() -> fields.add("Partner", "yes_no", null));
        as(() -> fields.add("Notes", "text", null));
        as(() -> contacts.create(form("Hal", "Big", "hal@example.org", Map.of("company_size", "500",
                "industry", "Tech", "renewal", "2026-03-01", "partner", "yes", "notes", "Met at Berlin summit"))));
        as(() -> contacts.create(form("Ivy", "Small", "ivy@example.org", Map.of("company_size", "12.5",
                "industry", "Arts", "renewal", "2027-01-15", "partner", "no", "notes", "berlin office"))));
        as(() -> contacts.create(form("Jo", "Blank", "jo@example.org", Map.of())));

        assertEquals(List.of("hal@example.org"), emails(custom("company_size", "at_least", "100")));
        assertEquals(List.of("hal@example.org", "ivy@example.org"), emails(custom("company_size", "at_least", "12.5")));
        assertEquals(List.of("ivy@example.org"), emails(custom("company_size", "at_most", "12,5")));
        assertEquals(List.of("ivy@example.org"), emails(custom("industry", "is", "arts")));
        assertEquals(List.of("hal@example.org"), emails(custom("renewal", "before", "2026-12-31")));
        assertEquals(List.of("ivy@example.org"), emails(custom("renewal", "after", "2026-03-01")), "strictly after");
        assertEquals(List.of("hal@example.org"), emails(custom("partner", "is", "yes")));
        assertEquals(List.of("ivy@example.org"), emails(custom("partner", "is", "no")), "unanswered is neither");
        assertEquals(List.of("hal@example.org", "ivy@example.org"), emails(custom("notes", "contains", "BERLIN")));
        assertEquals(List.of("ivy@example.org"), emails(custom("notes", "equals", "Berlin Office")));

        InputRefusedException refused = assertThrows(InputRefusedException.class,
                () -> as(() -> ContactFilters.withSales(all(), null, "EUR", "abc", null, fields.list(),
                        "renewal", "before", "next week")));
        assertEquals(List.of("spentAtLeast", "customValue"), refused.problems().stream().map(InputProblem::field)
                .toList(), "each bad value named with its field");
        assertThrows(InputRefusedException.class, () -> as(() -> ContactFilters.withSales(all(), null, "EUR",
                "12.345", null, fields.list(), "industry", "at_least", "1")));
        assertEquals(4990L, as(() -> ContactFilters.withSales(all(), null, "eur", "49.90", null, List.of(), null,
                null, null)).spentAtLeastMinor());
        assertEquals(5000L, as(() -> ContactFilters.withSales(all(), null, "JPY", "5000", null, List.of(), null,
                null, null)).spentAtLeastMinor(), "a currency without decimals");
    }

    /**
     * Several custom field conditions in one filter ("Industry is Media and Budget ≥ 5000"): a contact must meet all
     * of them; they survive a segment, a saved view and the export; each bad value is named with the field of its own
     * row; rules stored with one condition (before there could be several) still read.
     */
    @Test
    void severalCustomFieldConditionsMustAllHold() {
        as(() -> fields.add("Industry", "choice", "Media, Tech"));
        as(() -> fields.add("Budget", "number", null));
        as(() -> contacts.create(form("Mia", "Media", "mia@example.org", Map.of("industry", "Media",
                "budget", "8000"))));
        as(() -> contacts.create(form("Max", "Small", "max@example.org", Map.of("industry", "Media",
                "budget", "3000"))));
        as(() -> contacts.create(form("Tom", "Tech", "tom@example.org", Map.of("industry", "Tech",
                "budget", "9000"))));
        as(() -> contacts.create(form("Nia", "Unknown", "nia@example.org", Map.of("industry", "Media"))));

        ContactFilter both = customs(List.of(new ContactFilters.TypedCondition("industry", "is", "media"),
                new ContactFilters.TypedCondition("", null, null), // a row left at "Any": no condition
                new ContactFilters.TypedCondition("budget", "at_least", "5000")));
        assertEquals(2, both.custom().size());
        assertEquals(List.of("max@example.org", "mia@example.org", "nia@example.org"),
                emails(custom("industry", "is", "Media")));
        assertEquals(List.of("mia@example.org", "tom@example.org"), emails(custom("budget", "at_least", "5000")));
        assertEquals(List.of("mia@example.org"), emails(both), "both conditions hold only for Mia");
        assertEquals(1L, (long) as(() -> contacts.count(both)));
        assertEquals(List.of("Mia"), as(() -> contacts.export(both)).rows().stream().map(r -> (String) r.get(0))
                .toList(), "the export has the same people");

        as(() -> segments.save("Media with budget", both));
        assertEquals(List.of("Media with budget|1"), as(() -> segments.list()).stream()
                .map(x -> x.name() + "|" + x.count()).toList());
        assertEquals(both, as(() -> segments.rules(as(() -> segments.list()).get(0).id())), "stored and read back");
        UUID view = as(() -> views.save("Media budgets", both, "name", true, false));
        assertEquals(both, as(() -> views.find(view)).filter());

        InputRefusedException refused = assertThrows(InputRefusedException.class, () -> customs(List.of(
                new ContactFilters.TypedCondition("industry", "is", "Media"),
                new ContactFilters.TypedCondition("budget", "at_least", "lots"))));
        assertEquals(List.of("customValue2"), refused.problems().stream().map(InputProblem::field).toList(),
                "the second row's value is named, not the first's");
        List<ContactFilters.TypedCondition> six = new ArrayList<>();
        for (int i = 0; i < ContactFilter.MAX_CUSTOM_CONDITIONS + 1; i++) {
            six.add(new ContactFilters.TypedCondition("budget", "at_least", String.valueOf(i)));
        }
        assertEquals(List.of("customField6"), assertThrows(InputRefusedException.class, () -> customs(six))
                .problems().stream().map(InputProblem::field).toList());

        ContactFilter stored = ContactSegmentService.rules(
                "{\"custom\":{\"key\":\"budget\",\"kind\":\"number\",\"operator\":\"at_least\",\"value\":\"5000\"}}");
        assertEquals(List.of(new CustomFieldCondition("budget", "number", "at_least", "5000")), stored.custom(),
                "one condition as stored before");
    }

    /**
     * The address field's change event is public (any visitor with a checkout): one checkout keeps at most 5 addresses
     * (a buyer fixing typos), one client address at most 100 an hour over all its checkouts; beyond that nothing is
     * written and nothing is said, so no script can rotate holds through other people's addresses into the CRM's
     * "abandoned checkout".
     */
    @Test
    void rememberingTypedAddressesIsLimitedPerCheckoutAndPerClient() {
        String token = as(() -> shop.reserve(new Cart(event, Map.of(regular, 1), null))).token();
        for (int i = 1; i <= 5; i++) {
            String typed = "typo" + i + "@example.org";
            as(() -> {
                shop.rememberEmail(token, typed, "127.0.0.240");
                return null;
            });
            assertEquals(typed, as(() -> rules.holdEmail(token)), "a buyer correcting their address");
        }
        as(() -> {
            shop.rememberEmail(token, "someone.else@example.org", "127.0.0.243");
            return null;
        });
        assertEquals("typo5@example.org", as(() -> rules.holdEmail(token)),
                "a sixth address for the same checkout is ignored, from any client");

        // one client, many checkouts: 100 addresses within the hour, then none
        int kept = 0;
        String last = null;
        for (int n = 0; n < 21; n++) {
            String hold = as(() -> shop.reserve(new Cart(event, Map.of(regular, 1), null))).token();
            for (int i = 1; i <= 5; i++) {
                String typed = "c" + n + "-" + i + "@example.org";
                as(() -> {
                    shop.rememberEmail(hold, typed, "127.0.0.241");
                    return null;
                });
                if (typed.equals(as(() -> rules.holdEmail(hold)))) {
                    kept++;
                }
            }
            last = hold;
        }
        assertEquals(100, kept, "100 addresses from one client address, then nothing");
        String lastHold = last;
        as(() -> {
            shop.rememberEmail(lastHold, "other.client@example.org", "127.0.0.242");
            return null;
        });
        assertEquals("other.client@example.org", as(() -> rules.holdEmail(lastHold)),
                "another client is not held back by the first one's count");
    }

    @Test
    void anotherAccountsSalesAndHoldsAreInvisibleToTheRules() {
        as(() -> contacts.create(form("Kim", "Elsewhere", "kim@example.org", Map.of())));
        UUID otherAccount = UUID.randomUUID();
        UUID otherOwner = UUID.randomUUID();
        UUID otherEvent;
        UUID otherTicket;
        try (var t = CurrentTenant.bind(otherAccount)) {
            otherEvent = fixtures.accountWithEventOnSale("rules-other-" + otherAccount.toString().substring(0, 8),
                    null);
            members.addMember(otherOwner, "owner", null);
            otherTicket = fixtures.ticketType(otherEvent, "Other", 50000, 100, null);
        }
        UUID e = otherEvent;
        UUID tt = otherTicket;
        try (var t = CurrentTenant.bind(otherAccount); var u = CurrentTenant.bindUser(otherOwner)) {
            HoldView hold = shop.reserve(new Cart(e, Map.of(tt, 1), null));
            PlacedOrder placed = shop.placeOrder(new OrderRequest(hold.token(), "Kim Elsewhere", "kim@example.org",
                    List.of(new OrderRequest.AttendeeName("Kim", "Elsewhere", null)), false, "test_card",
                    UUID.randomUUID().toString(), "en"), BASE);
            assertTrue(shop.pay(placed.accessToken(), Map.of("card", TestCardGateway.GOOD_CARD), BASE).paid());
            HoldView left = shop.reserve(new Cart(e, Map.of(tt, 1), null));
            shop.rememberEmail(left.token(), "kim@example.org");
            fixtures.holdExpiresIn(left.token(), -1000);
            assertEquals(List.of("kim@example.org"), rules.spenders("EUR", 50000), "there, Kim spent 500.00");
            assertEquals(1, contacts.count(all().withSales(null, "EUR", 50000L, null, null)));
        }
        assertEquals(List.of(), emails(spent("EUR", 1)), "here, Kim spent nothing");
        assertEquals(List.of(), emails(abandoned("any")), "nor left a checkout here");
        assertEquals(List.of(), emails(all().withSales(null, null, null, otherTicket, null)));
    }

    @Test
    void savedViewsArePrivateUnlessSharedAndOnlyTheirMakerRenamesThem() {
        UUID member = null;
        UUID manager = null;
        try (var t = CurrentTenant.bind(account)) {
            member = members.addMember(UUID.randomUUID(), "member", null);
            manager = members.addMember(UUID.randomUUID(), "manager", null);
        }
        UUID m = member;
        UUID boss = manager;
        ContactFilter filter = new ContactFilter("ada", "vip", null, null, "yes", null)
                .withSales("any", "EUR", 10000L, null, new CustomFieldCondition("notes", "text", "contains", "x"));
        UUID mine = as(m, () -> views.save("My VIPs", filter, "name", true, false));
        ContactView opened = as(m, () -> views.find(mine));
        assertEquals(filter, opened.filter(), "filters, search and the new rules come back as saved");
        assertEquals("name", opened.sortField());
        assertTrue(opened.sortAscending());
        assertEquals(List.of(), as(() -> views.list()), "the owner of the account does not see a member's view");
        assertThrows(AccessDeniedException.class, () -> as(() -> views.find(mine)));
        assertThrows(AccessDeniedException.class, () -> as(m, () -> views.save("Team", filter, "name", true, true)),
                "sharing with the team is for managers");

        UUID team = as(boss, () -> views.save("Team VIPs", filter, "created", false, true));
        assertEquals(List.of("My VIPs|mine", "Team VIPs|shared"), as(m, () -> views.list()).stream()
                .map(v -> v.name() + "|" + (v.mine() ? "mine" : "shared")).toList());
        assertThrows(AccessDeniedException.class, () -> as(m, () -> {
            views.rename(team, "Hijacked");
            return null;
        }));
        as(m, () -> {
            views.rename(mine, "Top people");
            return null;
        });
        assertThrows(InputRefusedException.class, () -> as(boss, () -> {
            views.rename(team, "  ");
            return null;
        }));
        assertThrows(AccessDeniedException.class, () -> as(m, () -> {
            views.remove(team);
            return null;
        }), "a member cannot remove the team's view");
        as(() -> {
            views.remove(team);
            return null;
        }); // an owner (a manager and up) may
        assertEquals(List.of("Top people"), as(m, () -> views.list()).stream().map(ContactView::name).toList());
        as(m, () -> {
            views.remove(mine);
            return null;
        });
        assertEquals(List.of(), as(m, () -> views.list()));
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private PlacedOrder buy(UUID eventId, UUID ticket, int count, String buyer, String email) {
        HoldView hold = as(() -> shop.reserve(new Cart(eventId, Map.of(ticket, count), null)));
        List<OrderRequest.AttendeeName> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(new OrderRequest.AttendeeName("Guest", "N" + i, null));
        }
        PlacedOrder placed = as(() -> shop.placeOrder(new OrderRequest(hold.token(), buyer, email, names, false,
                "test_card", UUID.randomUUID().toString(), "en"), BASE));
        assertTrue(as(() -> shop.pay(placed.accessToken(), Map.of("card", TestCardGateway.GOOD_CARD), BASE)).paid());
        return placed;
    }

    /** A checkout where the buyer typed their address, and whose hold then ran out. */
    private String abandon(UUID eventId, UUID ticket, String email) {
        HoldView hold = as(() -> shop.reserve(new Cart(eventId, Map.of(ticket, 1), null)));
        as(() -> {
            shop.rememberEmail(hold.token(), email);
            fixtures.holdExpiresIn(hold.token(), -1000);
            return null;
        });
        return hold.token();
    }

    private List<String> expectedSpenders(String currency, long minor) {
        return as(() -> rules.spenders(currency, minor));
    }

    private static ContactFilter all() {
        return ContactFilter.all();
    }

    private static ContactFilter spent(String currency, long minor) {
        return all().withSales(null, currency, minor, null, null);
    }

    private static ContactFilter abandoned(String which) {
        return all().withSales(which, null, null, null, null);
    }

    private ContactFilter custom(String key, String operator, String value) {
        return as(() -> ContactFilters.withSales(all(), null, null, null, null, fields.list(), key, operator, value));
    }

    private ContactFilter customs(List<ContactFilters.TypedCondition> conditions) {
        return as(() -> ContactFilters.withSales(all(), null, null, null, null, fields.list(), conditions));
    }

    private List<String> emails(ContactFilter filter) {
        return as(() -> contacts.list(filter, 0, 100, "name", true)).stream().map(ContactRow::email)
                .map(String::toLowerCase).sorted().toList();
    }

    private static ContactForm form(String first, String last, String email, Map<String, String> custom) {
        return new ContactForm(first, last, email, null, null, null, null, null, null, null, List.of(), null, custom);
    }

    private <T> T as(UUID user, Supplier<T> call) {
        try (var t = CurrentTenant.bind(account); var u = CurrentTenant.bindUser(user)) {
            return call.get();
        }
    }
}
