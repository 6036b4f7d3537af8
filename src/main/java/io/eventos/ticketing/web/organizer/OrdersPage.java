package io.eventos.ticketing.web.organizer;

import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.web.Formats;
import io.eventos.platform.web.Ids;
import io.eventos.platform.web.LazyList;
import io.eventos.ticketing.service.Money;
import io.eventos.ticketing.service.OrderFilter;
import io.eventos.ticketing.service.OrderRow;
import io.eventos.ticketing.service.OrderService;
import io.eventos.ticketing.service.SalesEvent;
import io.eventos.ticketing.service.TicketTypeRow;
import io.eventos.ticketing.service.TicketTypeService;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;
import org.primefaces.model.LazyDataModel;

import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** {@code /app/orders.xhtml?event=…}: the event's orders, filtered, sorted and paged in SQL, with CSV export. */
@Named
@ViewScoped
public class OrdersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient OrderService orders;
    @Inject
    transient TicketTypeService tickets;

    private UUID event;
    private SalesEvent sales;
    private List<TicketTypeRow> ticketTypes;
    private String status;
    private String ticket;
    private String text;
    private LocalDate from;
    private LocalDate to;

    private final LazyList<OrderRow> rows = new LazyList<>(() -> orders.total(filter()),
            (total, first, pageSize, field, ascending) -> orders.list(filter(), total, first, pageSize,
                    field == null ? "placedAt" : field, ascending),
            OrderRow::id);

    public void load() throws IOException {
        if (event == null) {
            Faces.responseSendError(404, "Not found");
            return;
        }
        try {
            sales = tickets.event(event);
            ticketTypes = tickets.list(sales.id());
        } catch (IllegalArgumentException | AccessDeniedException e) {
            Faces.responseSendError(404, "Not found");
        }
    }

    private OrderFilter filter() {
        ZoneId zone = ZoneId.of(sales.timeZone());
        UUID ticketId = Ids.parse(ticket);
        return new OrderFilter(sales.id(), status, ticketId, from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(), text);
    }

    public String money(long minor, String currency) {
        return Money.amount(minor, currency);
    }

    public String placed(OrderRow row) {
        return Formats.ISO_MINUTE.format(row.placedAt().atZone(ZoneId.of(sales.timeZone())));
    }

    public String status(OrderRow row) {
        return OrderService.displayStatus(row, Clock.systemUTC().instant());
    }

    public String statusClass(OrderRow row) {
        return status(row).replace(' ', '-');
    }

    /** "1,234 orders" or "about 170,000 orders" above the table. */
    public String getTotalWords() {
        return rows.total().words("order", "orders");
    }

    public boolean isTotalEstimated() {
        return rows.total().estimated();
    }

    public LazyDataModel<OrderRow> getRows() {
        return rows;
    }

    public SalesEvent getSales() {
        return sales;
    }

    public List<TicketTypeRow> getTicketTypes() {
        return ticketTypes;
    }

    public UUID getEvent() {
        return event;
    }

    public void setEvent(UUID event) {
        this.event = event;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getTicket() {
        return ticket;
    }

    public void setTicket(String ticket) {
        this.ticket = ticket;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
