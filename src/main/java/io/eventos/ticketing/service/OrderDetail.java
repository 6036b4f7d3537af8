package io.eventos.ticketing.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Everything the organizer sees of one order. */
public record OrderDetail(OrderRow order, String eventName, String eventTimeZone, String promoCode,
                          boolean marketingConsent, Instant marketingConsentAt, String internalNote, List<Line> lines,
                          List<AttendeeRow> attendees, List<PaymentRow> payments, List<HistoryEntry> history,
                          RefundRequest refundRequest) {

    /** The buyer's refund request (null: none): when, why, and the organizer's answer once given. */
    public record RefundRequest(Instant requestedAt, String note, Instant decidedAt, String outcome, String reply) {
        public boolean open() {
            return decidedAt == null;
        }
    }

    public record Line(String ticketName, int quantity, long unitPriceMinor, long discountMinor, long totalMinor) {
    }

    public record PaymentRow(String provider, String kind, String status, long amountMinor, String reference,
                             String failureReason, Instant at) {
    }

    /** One entry of the business record: when, who, and what happened as a sentence ({@link OrderHistory}). */
    public record HistoryEntry(Instant at, String action, String actor, String sentence) {
    }
}
