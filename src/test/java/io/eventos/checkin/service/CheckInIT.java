package io.eventos.checkin.service;

import io.eventos.checkin.domain.CheckInDirection;
import io.eventos.checkin.domain.ListMode;
import io.eventos.checkin.domain.Refusal;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.DeviceGrant;
import io.eventos.ticketing.service.EventOnSaleIT;
import io.eventos.ticketing.service.SalesFixtures;
import io.eventos.ticketing.service.Cart;
import io.eventos.ticketing.service.CheckoutService;
import io.eventos.ticketing.service.OrderService;
import io.eventos.ticketing.service.PlacedOrder;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The door's promises, in the container against the real PostgreSQL as the application role: a hundred scans of one
 * ticket at once from different doors and devices admit it exactly once, and every other answer names that first
 * admission; a control without the ticket's row lock shows the race; a scan repeated with its nonce gets its first
 * answer back; refunded, cancelled, unpaid, other-event and wrong-list tickets are refused with their reason; entry and
 * exit; undo; a kiosk device works on its own list only and stops when its link is revoked; every admission leaves its
 * audit record and a timeline entry on the buyer's contact.
 */
public class CheckInIT extends EventOnSaleIT {

    private static final int SCANS = 100;
    private static final int THREADS = 25;

    @Inject
    CheckoutService checkout;
    @Inject
    OrderService orders;
    @Inject
    DoorService door;
    @Inject
    CheckInListService lists;
    @Inject
    KioskDevices devices;
    @Inject
    CheckInFixtures checkIns;
    @Inject
    DoorCountsCache countsCache;
    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    private UUID general;
    private UUID list;

    @BeforeEach
    void freeTicketsOnSale() {
        try (var t = CurrentTenant.bind(account)) {
            general = fixtures.ticketType(event, "General", 0, 500, null);
            list = checkIns.defaultList(event);
        }
    }

    @AfterEach
    void lockOn() {
        CheckInQueries.lockTickets = true;
    }

    @Test
    void aHundredScansOfOneTicketAtOnceAdmitItOnceAndNameTheFirstAdmission() throws Exception {
        String code = buy(1).get(0);
        DeviceGrant north = device("North door tablet");
        List<Object> answers = rush(SCANS, i -> new ScanRequest(code, "scan-" + i, CheckInDirection.IN, "Door " + i),
                i -> i % 2 == 0 ? null : north);

        List<ScanAnswer> admitted = answers(answers).stream().filter(a -> ScanAnswer.ADMITTED.equals(a.result())).toList();
        List<ScanAnswer> refused = answers(answers).stream().filter(a -> ScanAnswer.REFUSED.equals(a.result())).toList();
        assertEquals(1, admitted.size(), summary(answers));
        assertEquals(SCANS - 1, refused.size(), summary(answers));
        for (ScanAnswer a : refused) {
            assertEquals(Refusal.ALREADY_IN, a.refusal());
            assertTrue(a.previousAt() != null && a.previousGate().startsWith("Door ") && !a.previousBy().isBlank(),
                    "names the first admission: " + a);
        }
        try (var t = CurrentTenant.bind(account)) {
            assertEquals(1, checkIns.entries(code));
            assertEquals(SCANS, checkIns.scansOf(code), "every attempt is in the history");
            assertEquals(1, checkIns.audits(code, "attendee.checked_in"));
            assertEquals(1, fixtures.activities("ada@example.org").stream()
                            .filter(a -> a.startsWith("ticket_checked_in|Checked in at Rush (Door ")).count(),
                    "the buyer's timeline: " + fixtures.activities("ada@example.org"));
        }
    }

    /** The control: without the ticket's row lock the same rush admits one ticket more than once. */
    @Test
    void withoutTheTicketsRowLockTheSameRushAdmitsATicketTwice() throws Exception {
        CheckInQueries.lockTickets = false;
        long doubleAdmissions = 0;
        for (int round = 0; round < 5 && doubleAdmissions == 0; round++) {
            String code = buy(1).get(0);
            int r = round;
            List<Object> answers = rush(SCANS, i -> new ScanRequest(code, "race-" + r + "-" + i, CheckInDirection.IN,
                    null), i -> null);
            doubleAdmissions = answers(answers).stream().filter(a -> ScanAnswer.ADMITTED.equals(a.result())).count() - 1;
        }
        assertTrue(doubleAdmissions > 0, "admissions beyond the first without the lock: " + doubleAdmissions);
    }

    @Test
    void aScanRepeatedWithItsNonceGetsItsFirstAnswerBack() throws Exception {
        String code = buy(1).get(0);
        // the same request sent twenty times at once (a kiosk retrying over flaky Wi-Fi)
        List<Object> answers = rush(20, i -> new ScanRequest(code, "same-nonce", CheckInDirection.IN, "Main"), i -> null);
        assertEquals(20, answers(answers).size(), summary(answers));
        assertTrue(answers(answers).stream().allMatch(a -> ScanAnswer.ADMITTED.equals(a.result())), summary(answers));
        assertEquals(19, answers(answers).stream().filter(ScanAnswer::replay).count());
        // and later, once more
        ScanAnswer again = as(() -> door.scan(event, list, new ScanRequest(code, "same-nonce", CheckInDirection.IN, "Main")));
        assertEquals(ScanAnswer.ADMITTED, again.result());
        assertTrue(again.replay());
        // a new scan of the same ticket is a new question: already in
        ScanAnswer next = as(() -> door.scan(event, list, new ScanRequest(code, "next-nonce", CheckInDirection.IN, "Main")));
        assertEquals(Refusal.ALREADY_IN, next.refusal());
        try (var t = CurrentTenant.bind(account)) {
            assertEquals(1, checkIns.entries(code));
            assertEquals(1, checkIns.scansWithNonce("same-nonce"));
        }
    }

    @Test
    void refundedUnpaidUnknownAndOtherEventsTicketsAreRefusedWithTheirReason() {
        List<String> codes = buy(2);
        PlacedOrder order = lastOrder;
        UUID refundedTicket;
        try (var t = CurrentTenant.bind(account)) {
            refundedTicket = checkIns.attendeeOf(codes.get(0));
        }
        as(() -> orders.refund(order.orderId(), Set.of(refundedTicket), BASE));
        assertEquals(Refusal.REFUNDED, scan(codes.get(0)).refusal(), "refunded at once on every device");
        assertEquals(ScanAnswer.ADMITTED, scan(codes.get(1)).result());
        assertEquals(Refusal.UNKNOWN_CODE, scan("no-such-code").refusal());

        // an order paid by bank transfer later: refused until the list admits unpaid orders
        UUID paidLater;
        try (var t = CurrentTenant.bind(account)) {
            paidLater = fixtures.ticketType(event, "Transfer", 2000, 10, null);
        }
        String unpaid = buy(paidLater, 1, "offline").get(0);
        ScanAnswer notPaid = scan(unpaid);
        assertEquals(Refusal.UNPAID, notPaid.refusal());
        // paid at the door: a device may not mark orders paid, the owner may, and the ticket is admitted with it
        DeviceGrant tablet = device("Cash desk tablet");
        try (var t = CurrentTenant.bind(account); var d = CurrentTenant.bindDevice(tablet)) {
            assertTrue(!door.canMarkPaid(event));
            assertThrows(AccessDeniedException.class, () -> door.markPaidAndAdmit(event, list, notPaid.attendeeId(),
                    null, BASE));
        }
        assertTrue(as(() -> door.canMarkPaid(event)));
        ScanAnswer paidAtTheDoor = as(() -> door.markPaidAndAdmit(event, list, notPaid.attendeeId(), "Cash desk", BASE));
        assertEquals(ScanAnswer.ADMITTED, paidAtTheDoor.result());
        assertEquals(Refusal.ALREADY_IN, scan(unpaid).refusal());
        unpaid = buy(paidLater, 1, "offline").get(0);
        assertEquals(Refusal.UNPAID, scan(unpaid).refusal());
        as(() -> lists.saveList(event, list, new CheckInListForm("All tickets", List.of(), true, ListMode.ONCE, null,
                null)));
        assertEquals(ScanAnswer.ADMITTED, scan(unpaid).result());

        // a list for one ticket type refuses the others; a list of another event refuses this event's tickets
        UUID vipOnly = as(() -> lists.saveList(event, null, new CheckInListForm("VIP door", List.of(paidLater), false,
                ListMode.ONCE, null, Instant.now().plusSeconds(3600))));
        String general2 = buy(1).get(0);
        assertEquals(Refusal.NOT_ON_LIST, as(() -> door.scan(event, vipOnly, new ScanRequest(general2, null,
                CheckInDirection.IN, null))).refusal());
        UUID otherEvent;
        UUID otherList;
        try (var t = CurrentTenant.bind(account)) {
            otherEvent = checkIns.secondEvent();
            otherList = checkIns.defaultList(otherEvent);
        }
        ScanAnswer other = as(() -> door.scan(otherEvent, otherList, new ScanRequest(general2, null, CheckInDirection.IN,
                null)));
        assertEquals(Refusal.OTHER_EVENT, other.refusal());
        assertEquals("Rush", other.otherEvent());
    }

    @Test
    void entryExitAndReEntryAndUndo() {
        as(() -> lists.saveList(event, list, new CheckInListForm("All tickets", List.of(), false, ListMode.IN_OUT, null,
                null)));
        String code = buy(1).get(0);
        assertEquals(Refusal.NOT_INSIDE, scan(code, CheckInDirection.OUT).refusal());
        assertEquals(ScanAnswer.ADMITTED, scan(code).result());
        assertEquals(1, freshCounts().inside());
        assertEquals(ScanAnswer.EXITED, scan(code, CheckInDirection.OUT).result());
        assertEquals(0, freshCounts().inside());
        ScanAnswer back = scan(code);
        assertEquals(ScanAnswer.ADMITTED, back.result(), "re-entry");

        // the admission taken back: the ticket counts as outside and can come in again
        as(() -> {
            door.undo(event, back.checkInId());
            return null;
        });
        DoorCounts counts = freshCounts();
        assertEquals(0, counts.inside());
        assertEquals(1, counts.checkedIn(), "it did come in once before");
        CheckInException twice = assertThrows(CheckInException.class, () -> as(() -> {
            door.undo(event, back.checkInId());
            return null;
        }));
        assertEquals("This admission was already taken back.", twice.getMessage());
        assertEquals(ScanAnswer.ADMITTED, scan(code).result());

        as(() -> lists.saveList(event, list, new CheckInListForm("All tickets", List.of(), false,
                ListMode.IN_OUT_FINAL, null, null)));
        assertEquals(ScanAnswer.EXITED, scan(code, CheckInDirection.OUT).result());
        assertEquals(Refusal.NO_REENTRY, scan(code).refusal());
    }

    @Test
    void aKioskDeviceScansItsOwnListOnlyAndStopsWhenRevoked() {
        String code = buy(1).get(0);
        DeviceGrant tablet = device("Side door");
        UUID vip = as(() -> lists.saveList(event, null, new CheckInListForm("VIP", List.of(), false, ListMode.ONCE, null,
                null)));
        try (var t = CurrentTenant.bind(account); var d = CurrentTenant.bindDevice(tablet)) {
            assertThrows(AccessDeniedException.class, () -> door.scan(event, vip, new ScanRequest(code, null,
                    CheckInDirection.IN, null)));
            assertThrows(AccessDeniedException.class, () -> lists.lists(event), "no organizer pages for a device");
            assertEquals(ScanAnswer.ADMITTED, door.scan(event, list, new ScanRequest(code, null, CheckInDirection.IN,
                    null)).result());
        }
        as(() -> {
            lists.revokeDevice(event, tablet.deviceId());
            return null;
        });
        try (var t = CurrentTenant.bind(account)) {
            assertTrue(devices.active(tablet.deviceId()).isEmpty());
        }
        List<ScanRecord> history = as(() -> lists.history(event, null, null, 10));
        assertEquals(1, history.size());
        assertEquals("Side door", history.get(0).by());
    }

    /** The history's text filter answered 500 for every text (its SQL lost a space; FormFuzzIT found it). */
    @Test
    void theScanHistoryIsFilteredByNameCodeOrGate() {
        String code = buy(1).get(0);
        assertEquals(ScanAnswer.ADMITTED, scan(code).result());
        assertEquals(Refusal.ALREADY_IN, scan(code).refusal());
        List<ScanRecord> byCode = as(() -> lists.history(event, null, code.substring(0, 6), 10));
        assertEquals(2, byCode.size(), "both scans of the code");
        assertTrue(byCode.stream().allMatch(r -> r.input().equals(code)));
        assertEquals(List.of(), as(() -> lists.history(event, null, "<script>nobody", 10)));
        assertEquals(1, as(() -> lists.history(event, "refused", code, 10)).size(), "the refused scan only");
    }

    // ------------------------------------------------------------------------------------------ helpers

    private PlacedOrder lastOrder;

    private List<String> buy(int tickets) {
        return buy(general, tickets, "free");
    }

    private List<String> buy(UUID ticketType, int tickets, String provider) {
        try (var t = CurrentTenant.bind(account)) {
            var hold = checkout.reserve(new Cart(event, Map.of(ticketType, tickets), null));
            lastOrder = checkout.placeOrder(SalesFixtures.orderFor(hold, provider), BASE);
            return checkIns.codes(lastOrder.orderId());
        }
    }

    private DeviceGrant device(String name) {
        String link = as(() -> lists.createDevice(event, list, name, Duration.ofHours(2), BASE));
        String token = link.substring(link.indexOf("token=") + 6);
        try (var t = CurrentTenant.bind(account)) {
            return devices.signIn(token).orElseThrow();
        }
    }

    /** The list's counts as they are now (the door's counts are otherwise shared for a few seconds). */
    private DoorCounts freshCounts() {
        countsCache.clear();
        return as(() -> door.counts(event, list));
    }

    private ScanAnswer scan(String code) {
        return scan(code, CheckInDirection.IN);
    }

    private ScanAnswer scan(String code, CheckInDirection direction) {
        return as(() -> door.scan(event, list, new ScanRequest(code, null, direction, "Main")));
    }

    /** Runs {@code scans} scans at once on a pool of threads, each as the owner or, where given, as a device. */
    private List<Object> rush(int scans, IntFunction<ScanRequest> request, IntFunction<DeviceGrant> device)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < scans; i++) {
                int n = i;
                Callable<Object> scan = () -> {
                    start.await();
                    DeviceGrant grant = device.apply(n);
                    try (var t = CurrentTenant.bind(account);
                         var u = grant == null ? CurrentTenant.bindUser(owner) : CurrentTenant.bindDevice(grant)) {
                        return door.scan(event, list, request.apply(n));
                    } catch (RuntimeException e) {
                        return e;
                    }
                };
                futures.add(pool.submit(scan));
            }
            start.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : futures) {
                outcomes.add(f.get(2, TimeUnit.MINUTES));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<ScanAnswer> answers(List<Object> outcomes) {
        return outcomes.stream().filter(ScanAnswer.class::isInstance).map(ScanAnswer.class::cast).toList();
    }

    private static String summary(List<Object> outcomes) {
        return outcomes.stream().map(o -> o instanceof ScanAnswer a ? a.result() + (a.refusal() == null ? ""
                : ":" + a.refusal()) : o.toString()).distinct().toList().toString();
    }
}
