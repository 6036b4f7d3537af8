package io.eventos.checkin.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static io.eventos.checkin.domain.CheckInDirection.IN;
import static io.eventos.checkin.domain.CheckInDirection.OUT;
import static org.assertj.core.api.Assertions.assertThat;

/** The door's decision for every kind of ticket a person can hold up to a scanner. */
class AdmissionRulesTest {

    private static final Instant NOW = Instant.parse("2027-03-10T18:00:00Z");
    private final UUID event = UUID.randomUUID();
    private final UUID general = UUID.randomUUID();
    private final UUID vip = UUID.randomUUID();

    private AdmissionRules.Ticket ticket(String status, String orderStatus) {
        return new AdmissionRules.Ticket(event, general, status, orderStatus);
    }

    private AdmissionRules.ListRules list(ListMode mode) {
        return new AdmissionRules.ListRules(event, null, false, mode, null, null);
    }

    private Refusal refusal(AdmissionRules.Ticket ticket, AdmissionRules.ListRules list, CheckInDirection last,
                            CheckInDirection asked) {
        return AdmissionRules.decide(ticket, list, last, asked, NOW).refusal();
    }

    @Test
    void aPaidValidTicketIsAdmittedOnceThenRefusedAsAlreadyIn() {
        assertThat(AdmissionRules.decide(ticket("valid", "paid"), list(ListMode.ONCE), null, IN, NOW).allowed()).isTrue();
        assertThat(refusal(ticket("valid", "paid"), list(ListMode.ONCE), IN, IN)).isEqualTo(Refusal.ALREADY_IN);
    }

    @Test
    void refundedCancelledAndCancelledOrdersAreRefusedWithTheirReason() {
        assertThat(refusal(ticket("refunded", "paid"), list(ListMode.ONCE), null, IN)).isEqualTo(Refusal.REFUNDED);
        assertThat(refusal(ticket("cancelled", "cancelled"), list(ListMode.ONCE), null, IN)).isEqualTo(Refusal.CANCELLED);
        assertThat(refusal(ticket("valid", "cancelled"), list(ListMode.ONCE), null, IN)).isEqualTo(Refusal.ORDER_CANCELLED);
        assertThat(refusal(ticket("valid", "expired"), list(ListMode.ONCE), null, IN)).isEqualTo(Refusal.ORDER_CANCELLED);
    }

    @Test
    void aTicketOfAnotherEventIsRefusedBeforeAnythingElse() {
        var other = new AdmissionRules.Ticket(UUID.randomUUID(), general, "refunded", "paid");
        assertThat(refusal(other, list(ListMode.ONCE), null, IN)).isEqualTo(Refusal.OTHER_EVENT);
    }

    @Test
    void anUnpaidOrderEntersOnlyWhereTheListAdmitsUnpaidOrders() {
        assertThat(refusal(ticket("valid", "pending"), list(ListMode.ONCE), null, IN)).isEqualTo(Refusal.UNPAID);
        var admitting = new AdmissionRules.ListRules(event, null, true, ListMode.ONCE, null, null);
        assertThat(refusal(ticket("valid", "pending"), admitting, null, IN)).isNull();
    }

    @Test
    void aListForSomeTicketTypesRefusesTheOthers() {
        var vipOnly = new AdmissionRules.ListRules(event, Set.of(vip), false, ListMode.ONCE, null, null);
        assertThat(refusal(ticket("valid", "paid"), vipOnly, null, IN)).isEqualTo(Refusal.NOT_ON_LIST);
        assertThat(refusal(new AdmissionRules.Ticket(event, vip, "valid", "paid"), vipOnly, null, IN)).isNull();
    }

    @Test
    void outsideTheWindowTheListRefusesAndSaysWhichSide() {
        var later = new AdmissionRules.ListRules(event, null, false, ListMode.ONCE, NOW.plusSeconds(60), null);
        var ended = new AdmissionRules.ListRules(event, null, false, ListMode.ONCE, null, NOW);
        var open = new AdmissionRules.ListRules(event, null, false, ListMode.ONCE, NOW, NOW.plusSeconds(1));
        assertThat(refusal(ticket("valid", "paid"), later, null, IN)).isEqualTo(Refusal.NOT_YET_OPEN);
        assertThat(refusal(ticket("valid", "paid"), ended, null, IN)).isEqualTo(Refusal.CLOSED);
        assertThat(refusal(ticket("valid", "paid"), open, null, IN)).isNull();
    }

    @Test
    void entryAndExitAllowReEntryUnlessTheListSaysNo() {
        var paid = ticket("valid", "paid");
        assertThat(refusal(paid, list(ListMode.IN_OUT), null, OUT)).isEqualTo(Refusal.NOT_INSIDE);
        assertThat(refusal(paid, list(ListMode.IN_OUT), IN, OUT)).isNull();
        assertThat(refusal(paid, list(ListMode.IN_OUT), OUT, IN)).isNull();
        assertThat(refusal(paid, list(ListMode.IN_OUT_FINAL), OUT, IN)).isEqualTo(Refusal.NO_REENTRY);
        assertThat(refusal(paid, list(ListMode.ONCE), IN, OUT)).isEqualTo(Refusal.EXITS_NOT_SCANNED);
    }
}
