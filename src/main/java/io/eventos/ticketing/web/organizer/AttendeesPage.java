package io.eventos.ticketing.web.organizer;

import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.web.LazyList;
import io.eventos.ticketing.service.AttendeeRow;
import io.eventos.ticketing.service.OrderService;
import io.eventos.ticketing.service.SalesEvent;
import io.eventos.ticketing.service.TicketTypeService;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.cdi.ViewScoped;
import org.omnifaces.util.Faces;
import org.primefaces.model.LazyDataModel;

import java.io.IOException;
import java.io.Serializable;
import java.util.UUID;

/** {@code /app/attendees.xhtml?event=…}: one row per issued ticket, searchable, paged in SQL, exportable. */
@Named
@ViewScoped
public class AttendeesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient OrderService orders;
    @Inject
    transient TicketTypeService tickets;

    private UUID event;
    private SalesEvent sales;
    private String text;

    /** The table's rows per page (attendees.xhtml binds its {@code rows} to {@link #getPageSize}). */
    static final int PAGE_SIZE = 50;

    // a search of three letters or more reads its first page with its total (OrderService.attendeeSearch)
    private final LazyList<AttendeeRow> rows = new LazyList<>(() -> orders.attendeeTotal(sales.id(), text),
            (total, first, pageSize, field, ascending) -> orders.attendees(sales.id(), text, total, first, pageSize),
            AttendeeRow::id).withFirstPage(PAGE_SIZE, pageSize -> orders.attendeeSearch(sales.id(), text, pageSize));

    public void load() throws IOException {
        if (event == null) {
            Faces.responseSendError(404, "Not found");
            return;
        }
        try {
            sales = tickets.event(event);
        } catch (IllegalArgumentException | AccessDeniedException e) {
            Faces.responseSendError(404, "Not found");
        }
    }

    /** "1,234 tickets" or "about 400,000 tickets" above the table. */
    public String getTotalWords() {
        return rows.total().words("ticket", "tickets");
    }

    public boolean isTotalEstimated() {
        return rows.total().estimated();
    }

    public int getPageSize() {
        return PAGE_SIZE;
    }

    public LazyDataModel<AttendeeRow> getRows() {
        return rows;
    }

    public SalesEvent getSales() {
        return sales;
    }

    public UUID getEvent() {
        return event;
    }

    public void setEvent(UUID event) {
        this.event = event;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }
}
