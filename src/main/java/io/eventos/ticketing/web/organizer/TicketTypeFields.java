package io.eventos.ticketing.web.organizer;

import io.eventos.platform.web.Ids;
import io.eventos.ticketing.service.TicketTypeForm;
import io.eventos.ticketing.service.TicketTypeRow;
import org.omnifaces.util.Messages;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

/**
 * The ticket type form ({@code #{ticketTypesPage.form.name}} ...), kept as typed: a refused save loses nothing. The
 * price is in the currency's units (25.00), the sales window in the event's wall-clock time; {@link #from} a listed
 * type, {@link #blank} for a new one, {@link #toInput} for the service (its {@link TicketTypeForm}).
 */
public class TicketTypeFields implements Serializable {

    private static final long serialVersionUID = 1L;

    private UUID id;
    private String name;
    private String description;
    private BigDecimal price = BigDecimal.ZERO;
    private Integer quantity;
    private LocalDateTime salesStart;
    private LocalDateTime salesEnd;
    private int minPerOrder = 1;
    private int maxPerOrder = 10;
    private boolean hidden;
    private boolean paused;
    private int sortOrder;
    private String capacityGroup;

    /** A new type, listed after the {@code existing} ones. */
    static TicketTypeFields blank(int existing) {
        TicketTypeFields form = new TicketTypeFields();
        form.sortOrder = existing;
        return form;
    }

    /** The type as listed, its price with the currency's {@code digits}, its sales window in {@code zone}. */
    static TicketTypeFields from(TicketTypeRow row, int digits, ZoneId zone) {
        TicketTypeFields form = new TicketTypeFields();
        form.id = row.id();
        form.name = row.name();
        form.description = row.description();
        form.price = BigDecimal.valueOf(row.priceMinor(), digits);
        form.quantity = row.quantity();
        form.salesStart = row.salesStart() == null ? null : LocalDateTime.ofInstant(row.salesStart(), zone);
        form.salesEnd = row.salesEnd() == null ? null : LocalDateTime.ofInstant(row.salesEnd(), zone);
        form.minPerOrder = row.minPerOrder();
        form.maxPerOrder = row.maxPerOrder();
        form.hidden = row.hidden();
        form.paused = row.paused();
        form.sortOrder = row.sortOrder();
        form.capacityGroup = row.capacityGroupId() == null ? null : row.capacityGroupId().toString();
        return form;
    }

    /**
     * What the service gets, or null after a message next to the price when it has more decimals than the
     * currency's {@code digits}.
     */
    TicketTypeForm toInput(int digits, ZoneId zone) {
        long priceMinor;
        try {
            priceMinor = price == null ? 0 : price.movePointRight(digits).longValueExact();
        } catch (ArithmeticException e) {
            Messages.addError("ticket-form:price", "Enter the price with at most " + digits + " decimals.");
            return null;
        }
        return new TicketTypeForm(name, description, priceMinor, quantity,
                salesStart == null ? null : salesStart.atZone(zone).toInstant(),
                salesEnd == null ? null : salesEnd.atZone(zone).toInstant(), minPerOrder, maxPerOrder, hidden,
                sortOrder, paused, Ids.parse(capacityGroup));
    }

    /** The type being changed, or null for a new one. */
    UUID id() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public void setPrice(BigDecimal price) {
        this.price = price;
    }

    public Integer getQuantity() {
        return quantity;
    }

    public void setQuantity(Integer quantity) {
        this.quantity = quantity;
    }

    public LocalDateTime getSalesStart() {
        return salesStart;
    }

    public void setSalesStart(LocalDateTime salesStart) {
        this.salesStart = salesStart;
    }

    public LocalDateTime getSalesEnd() {
        return salesEnd;
    }

    public void setSalesEnd(LocalDateTime salesEnd) {
        this.salesEnd = salesEnd;
    }

    public int getMinPerOrder() {
        return minPerOrder;
    }

    public void setMinPerOrder(int minPerOrder) {
        this.minPerOrder = minPerOrder;
    }

    public int getMaxPerOrder() {
        return maxPerOrder;
    }

    public void setMaxPerOrder(int maxPerOrder) {
        this.maxPerOrder = maxPerOrder;
    }

    public boolean isHidden() {
        return hidden;
    }

    public void setHidden(boolean hidden) {
        this.hidden = hidden;
    }

    public boolean isPaused() {
        return paused;
    }

    public void setPaused(boolean paused) {
        this.paused = paused;
    }

    public int getSortOrder() {
        return sortOrder;
    }

    public void setSortOrder(int sortOrder) {
        this.sortOrder = sortOrder;
    }

    public String getCapacityGroup() {
        return capacityGroup;
    }

    public void setCapacityGroup(String capacityGroup) {
        this.capacityGroup = capacityGroup;
    }
}
