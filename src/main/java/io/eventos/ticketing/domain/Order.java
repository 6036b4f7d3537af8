package io.eventos.ticketing.domain;

import io.eventos.platform.persistence.TenantEntity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An order of tickets for one event. Orders are never deleted; cancellation and refunds change their state.
 * The buyer's private order page is reached with a token of which only the hash is stored.
 * Table {@code orders}.
 */
@Entity
@Table(name = "orders")
public class Order extends TenantEntity {

    @Column(name = "event_id", nullable = false)
    private UUID eventId;

    @Column(name = "code", nullable = false)
    private String code;

    @Column(name = "access_token_hash", nullable = false)
    private String accessTokenHash;

    @Column(name = "buyer_name", nullable = false)
    private String buyerName;

    @Column(name = "buyer_email", nullable = false)
    private String buyerEmail;

    @Column(name = "buyer_contact_id")
    private UUID buyerContactId;

    @Column(name = "status", nullable = false)
    private OrderStatus status = OrderStatus.PENDING;

    @Column(name = "payment_provider")
    private String paymentProvider;

    @Column(name = "payment_deadline")
    private Instant paymentDeadline;

    @Column(name = "subtotal_minor", nullable = false)
    private long subtotalMinor;

    @Column(name = "discount_minor", nullable = false)
    private long discountMinor;

    @Column(name = "total_minor", nullable = false)
    private long totalMinor;

    @Column(name = "refunded_minor", nullable = false)
    private long refundedMinor;

    @Column(name = "currency", nullable = false)
    private String currency;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "promo_code_id")
    private PromoCode promoCode;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "hold_id")
    private Hold hold;

    @Column(name = "marketing_consent", nullable = false)
    private boolean marketingConsent;

    @Column(name = "marketing_consent_at")
    private Instant marketingConsentAt;

    @Column(name = "idempotency_key")
    private String idempotencyKey;

    @Column(name = "locale")
    private String locale;

    @Column(name = "internal_note")
    private String internalNote;

    @Column(name = "placed_at", nullable = false)
    private Instant placedAt = Instant.now();

    @Column(name = "paid_at")
    private Instant paidAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "access_token_box")
    private byte[] accessTokenBox;

    @Column(name = "refund_requested_at")
    private Instant refundRequestedAt;

    @Column(name = "refund_request_note")
    private String refundRequestNote;

    @Column(name = "refund_request_decided_at")
    private Instant refundRequestDecidedAt;

    @Column(name = "refund_request_outcome")
    private RefundRequestOutcome refundRequestOutcome;

    @Column(name = "refund_request_reply")
    private String refundRequestReply;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    @OneToMany(mappedBy = "order", fetch = FetchType.LAZY, cascade = {CascadeType.PERSIST, CascadeType.MERGE})
    private List<OrderLine> lines = new ArrayList<>();

    protected Order() {
    }

    public Order(UUID eventId, String code, String accessTokenHash, String buyerName, String buyerEmail, String currency) {
        this.eventId = Objects.requireNonNull(eventId, "eventId");
        this.code = Objects.requireNonNull(code, "code");
        this.accessTokenHash = Objects.requireNonNull(accessTokenHash, "accessTokenHash");
        this.buyerName = Objects.requireNonNull(buyerName, "buyerName");
        this.buyerEmail = Objects.requireNonNull(buyerEmail, "buyerEmail");
        this.currency = Objects.requireNonNull(currency, "currency");
    }

    @PreUpdate
    void touch() {
        updatedAt = Instant.now();
    }

    /** Adds a line; the order's subtotal, discount and total are recomputed from its lines. */
    public OrderLine addLine(Ticket ticket, int quantity, long unitPriceMinor, long discountMinor) {
        OrderLine line = new OrderLine(this, ticket, quantity, unitPriceMinor, discountMinor);
        lines.add(line);
        recomputeTotals();
        return line;
    }

    private void recomputeTotals() {
        long subtotal = 0;
        long discount = 0;
        for (OrderLine line : lines) {
            subtotal = Math.addExact(subtotal, Math.multiplyExact(line.getUnitPriceMinor(), (long) line.getQuantity()));
            discount = Math.addExact(discount, line.getDiscountMinor());
        }
        this.subtotalMinor = subtotal;
        this.discountMinor = discount;
        this.totalMinor = subtotal - discount;
    }

    public UUID getEventId() {
        return eventId;
    }

    public String getCode() {
        return code;
    }

    public String getAccessTokenHash() {
        return accessTokenHash;
    }

    public String getBuyerName() {
        return buyerName;
    }

    public String getBuyerEmail() {
        return buyerEmail;
    }

    public UUID getBuyerContactId() {
        return buyerContactId;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public String getPaymentProvider() {
        return paymentProvider;
    }

    public Instant getPaymentDeadline() {
        return paymentDeadline;
    }

    public long getSubtotalMinor() {
        return subtotalMinor;
    }

    public long getDiscountMinor() {
        return discountMinor;
    }

    public long getTotalMinor() {
        return totalMinor;
    }

    public long getRefundedMinor() {
        return refundedMinor;
    }

    public String getCurrency() {
        return currency;
    }

    public PromoCode getPromoCode() {
        return promoCode;
    }

    public Hold getHold() {
        return hold;
    }

    public boolean isMarketingConsent() {
        return marketingConsent;
    }

    public Instant getMarketingConsentAt() {
        return marketingConsentAt;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public String getLocale() {
        return locale;
    }

    public String getInternalNote() {
        return internalNote;
    }

    public Instant getPlacedAt() {
        return placedAt;
    }

    public Instant getPaidAt() {
        return paidAt;
    }

    public Instant getCancelledAt() {
        return cancelledAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public List<OrderLine> getLines() {
        return Collections.unmodifiableList(lines);
    }

    /** The order-page token sealed with the application key, to put the same link in later emails; may be null. */
    public byte[] getAccessTokenBox() {
        return accessTokenBox;
    }

    public void setAccessTokenBox(byte[] accessTokenBox) {
        this.accessTokenBox = accessTokenBox;
    }

    public void setAccessTokenHash(String accessTokenHash) {
        this.accessTokenHash = Objects.requireNonNull(accessTokenHash, "accessTokenHash");
    }

    public void setBuyerName(String buyerName) {
        this.buyerName = Objects.requireNonNull(buyerName, "buyerName");
    }

    public void setBuyerEmail(String buyerEmail) {
        this.buyerEmail = Objects.requireNonNull(buyerEmail, "buyerEmail");
    }

    public void setBuyerContactId(UUID buyerContactId) {
        this.buyerContactId = buyerContactId;
    }

    public void setStatus(OrderStatus status) {
        this.status = Objects.requireNonNull(status, "status");
    }

    public void setPaymentProvider(String paymentProvider) {
        this.paymentProvider = paymentProvider;
    }

    public void setPaymentDeadline(Instant paymentDeadline) {
        this.paymentDeadline = paymentDeadline;
    }

    public void setRefundedMinor(long refundedMinor) {
        this.refundedMinor = refundedMinor;
    }

    public void setPromoCode(PromoCode promoCode) {
        this.promoCode = promoCode;
    }

    public void setHold(Hold hold) {
        this.hold = hold;
    }

    public void setMarketingConsent(boolean marketingConsent) {
        this.marketingConsent = marketingConsent;
    }

    public void setMarketingConsentAt(Instant marketingConsentAt) {
        this.marketingConsentAt = marketingConsentAt;
    }

    public void setIdempotencyKey(String idempotencyKey) {
        this.idempotencyKey = idempotencyKey;
    }

    public void setLocale(String locale) {
        this.locale = locale;
    }

    public void setInternalNote(String internalNote) {
        this.internalNote = internalNote;
    }

    public void setPaidAt(Instant paidAt) {
        this.paidAt = paidAt;
    }

    public void setCancelledAt(Instant cancelledAt) {
        this.cancelledAt = cancelledAt;
    }

    /** The buyer asks for their money back (the event's policy lets the organizer decide); one request per order. */
    public void requestRefund(Instant at, String note) {
        if (refundRequestedAt != null) {
            throw new IllegalStateException("This order already has a refund request");
        }
        refundRequestedAt = Objects.requireNonNull(at, "at");
        refundRequestNote = note;
    }

    /** The organizer's answer to the open refund request (approved also when they refunded everything otherwise). */
    public void decideRefundRequest(Instant at, RefundRequestOutcome outcome, String reply) {
        if (!hasOpenRefundRequest()) {
            throw new IllegalStateException("This order has no open refund request");
        }
        refundRequestDecidedAt = Objects.requireNonNull(at, "at");
        refundRequestOutcome = Objects.requireNonNull(outcome, "outcome");
        refundRequestReply = reply;
    }

    public boolean hasOpenRefundRequest() {
        return refundRequestedAt != null && refundRequestDecidedAt == null;
    }

    public Instant getRefundRequestedAt() {
        return refundRequestedAt;
    }

    public String getRefundRequestNote() {
        return refundRequestNote;
    }

    public Instant getRefundRequestDecidedAt() {
        return refundRequestDecidedAt;
    }

    public RefundRequestOutcome getRefundRequestOutcome() {
        return refundRequestOutcome;
    }

    public String getRefundRequestReply() {
        return refundRequestReply;
    }
}
