package io.eventos.ticketing.domain;

import io.eventos.platform.persistence.TenantEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One issued ticket and the person it is for; {@code code} is the unguessable value in its QR code.
 * Table {@code attendees}.
 */
@Entity
@Table(name = "attendees")
public class Attendee extends TenantEntity {

    @Column(name = "event_id", nullable = false)
    private UUID eventId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id", nullable = false)
    private Order order;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_line_id", nullable = false)
    private OrderLine orderLine;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "ticket_id", nullable = false)
    private Ticket ticket;

    @Column(name = "contact_id")
    private UUID contactId;

    @Column(name = "code", nullable = false)
    private String code;

    @Column(name = "first_name")
    private String firstName;

    @Column(name = "last_name")
    private String lastName;

    @Column(name = "email")
    private String email;

    @Column(name = "status", nullable = false)
    private AttendeeStatus status = AttendeeStatus.VALID;

    @Column(name = "answers", nullable = false)
    private String answersJson = "{}";

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    protected Attendee() {
    }

    public Attendee(UUID eventId, Order order, OrderLine orderLine, Ticket ticket, String code) {
        this.eventId = Objects.requireNonNull(eventId, "eventId");
        this.order = Objects.requireNonNull(order, "order");
        this.orderLine = Objects.requireNonNull(orderLine, "orderLine");
        this.ticket = Objects.requireNonNull(ticket, "ticket");
        this.code = Objects.requireNonNull(code, "code");
    }

    @PreUpdate
    void touch() {
        updatedAt = Instant.now();
    }

    public UUID getEventId() {
        return eventId;
    }

    public Order getOrder() {
        return order;
    }

    public OrderLine getOrderLine() {
        return orderLine;
    }

    public Ticket getTicket() {
        return ticket;
    }

    public UUID getContactId() {
        return contactId;
    }

    public String getCode() {
        return code;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String getEmail() {
        return email;
    }

    public AttendeeStatus getStatus() {
        return status;
    }

    public String getAnswersJson() {
        return answersJson;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setContactId(UUID contactId) {
        this.contactId = contactId;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public void setStatus(AttendeeStatus status) {
        this.status = Objects.requireNonNull(status, "status");
    }

    public void setAnswersJson(String answersJson) {
        this.answersJson = Objects.requireNonNull(answersJson, "answersJson");
    }
}
