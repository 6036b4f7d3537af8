package io.eventos.event.web.organizer;

import io.eventos.event.service.EventQuery;
import io.eventos.event.service.EventRow;
import io.eventos.event.service.EventSearch;
import io.eventos.event.service.VenueOption;
import io.eventos.event.service.VenueService;
import io.eventos.platform.web.Formats;
import io.eventos.platform.web.Ids;
import jakarta.annotation.PostConstruct;
import org.omnifaces.cdi.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@code /app/events.xhtml}: the account's events (or a limited member's own), filtered by text, status, venue and
 * dates, sorted and paged in SQL; each start shown in the event's own time zone, with tickets sold.
 */
@Named
@ViewScoped
public class EventsPage implements Serializable {

    private static final long serialVersionUID = 1L;


    @Inject
    transient EventSearch search;
    @Inject
    transient VenueService venues;

    private String text;
    private String status;
    private String venueId;
    private LocalDate from;
    private LocalDate to;
    private List<VenueOption> venueOptions = List.of();

    private final LazyDataModel<Row> rows = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) search.count(query(Map.of()));
        }

        @Override
        public List<Row> load(int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
            return search.page(query(sort), first, pageSize).stream().map(Row::of).toList();
        }

        @Override
        public String getRowKey(Row row) {
            return row.event().id().toString();
        }
    };

    @PostConstruct
    void load() {
        venueOptions = venues.list(true).stream()
                .map(v -> new VenueOption(v.id(), v.name() + (v.archived() ? " (archived)" : ""), v.timeZone(),
                        v.archived()))
                .toList();
    }

    private EventQuery query(Map<String, SortMeta> sort) {
        String field = "startsAt";
        boolean ascending = true;
        for (SortMeta meta : sort.values()) {
            if (meta.getOrder() != SortOrder.UNSORTED) {
                field = meta.getField() == null ? field : meta.getField().replace("()", "");
                ascending = meta.getOrder() == SortOrder.ASCENDING;
                break;
            }
        }
        return new EventQuery(text, status, Ids.parse(venueId), from, to, field, ascending);
    }

    public LazyDataModel<Row> getRows() {
        return rows;
    }

    public List<VenueOption> getVenueOptions() {
        return venueOptions;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getVenueId() {
        return venueId;
    }

    public void setVenueId(String venueId) {
        this.venueId = venueId;
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

    /** A row with its start written in the event's own zone and the tickets column written out. */
    public record Row(EventRow event, String when, String tickets) implements Serializable {

        static Row of(EventRow e) {
            String when = Formats.WHEN.format(e.startsAt().atZone(e.zone())) + " (" + e.zone().getId() + ")";
            String tickets = e.capacity() == null ? e.sold() + " sold" : e.sold() + " / " + e.capacity();
            return new Row(e, when, tickets);
        }
    }
}
