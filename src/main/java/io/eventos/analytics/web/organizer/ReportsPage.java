package io.eventos.analytics.web.organizer;

import io.eventos.analytics.service.Period;
import io.eventos.analytics.service.PeriodInput;
import io.eventos.analytics.service.Reports;
import io.eventos.platform.text.SafeHtml;
import io.eventos.platform.text.Table;
import io.eventos.platform.security.AccessDeniedException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.util.Faces;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code /app/reports.xhtml?from=&to=&event=}: revenue by day, by day and ticket type, by event, and check-ins of a
 * period (the last 30 days unless given), the same rows as the CSV and XLSX files it links to
 * ({@code /app/reports/<name>.csv|xlsx}, {@link ReportServlet}), and the order and attendee lists as files.
 */
@Named
@RequestScoped
public class ReportsPage {

    @Inject
    Reports reports;

    private String from;
    private String to;
    private UUID event;
    private String fromProblem;
    private String toProblem;
    private Period period;
    private UUID eventId;
    private Table revenue;
    private Table ticketTypes;
    private Table events;
    private Table checkIns;
    private List<Table> shown;

    static final int SHOWN_ROWS = 100;

    public void load() throws IOException {
        eventId = event;
        LocalDate today = reports.today();
        period = Period.last(30, today);
        if (!PeriodInput.absent(from, to)) {
            PeriodInput typed = PeriodInput.read(from, to, period);
            period = typed.period();
            fromProblem = typed.fromProblem();
            toProblem = typed.toProblem();
        }
        try {
            List<Table> tables = reports.page(period, eventId); // one call: one transaction, one tenant binding
            revenue = tables.get(0);
            ticketTypes = tables.get(1);
            events = tables.get(2);
            checkIns = tables.get(3);
        } catch (AccessDeniedException e) {
            Faces.responseSendError(404, "Not found");
            return;
        }
        if (fromProblem == null && toProblem == null) {
            from = period.from().toString();
            to = period.to().toString();
        }
    }

    /** The query string of the files' links: this period (and event). */
    public String getQuery() {
        return "from=" + period.from() + "&to=" + period.to()
                + (eventId == null ? "" : "&event=" + URLEncoder.encode(eventId.toString(), StandardCharsets.UTF_8));
    }

    /**
     * The four tables as shown: each at most {@value #SHOWN_ROWS} rows (the files have them all). Drawing a table of
     * thousands of cells cost the page half a second of CPU at a large account (docs/benchmarks.md, dashboards).
     */
    public List<Table> getTables() {
        if (shown == null) {
            shown = java.util.stream.Stream.of(revenue, ticketTypes, events, checkIns)
                    .map(t -> t.rows().size() <= SHOWN_ROWS ? t
                            : new Table(t.name(), t.headers(), t.rows().subList(0, SHOWN_ROWS)))
                    .toList();
        }
        return shown;
    }

    /** How many rows a table has in all, when the page shows only the first {@value #SHOWN_ROWS}; else 0. */
    public int cutFrom(int index) {
        int all = List.of(revenue, ticketTypes, events, checkIns).get(index).rows().size();
        return all > SHOWN_ROWS ? all : 0;
    }

    /**
     * The rows shown of table {@code index} as HTML, every cell's text escaped; the "event id" column as a link to
     * the event's orders. Written here rather than by a component per cell: at 100 rows of 7 cells in four tables,
     * evaluating a component tree per cell was most of the page's CPU (docs/benchmarks.md, dashboards).
     */
    public String bodyHtml(int index) {
        Table table = getTables().get(index);
        int link = table.headers().indexOf("event id");
        String orders = Faces.getRequestContextPath() + "/app/orders.xhtml?event=";
        StringBuilder html = new StringBuilder(table.rows().size() * 160);
        for (List<Object> row : table.rows()) {
            html.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                html.append("<td>");
                if (c == link) {
                    html.append("<a href=\"").append(SafeHtml.escape(orders + URLEncoder.encode(Table.text(row.get(c)),
                            StandardCharsets.UTF_8))).append("\" class=\"orders-of-event\">Orders</a>");
                } else {
                    html.append(SafeHtml.escape(Table.text(row.get(c))));
                }
                html.append("</td>");
            }
            html.append("</tr>\n");
        }
        return html.toString();
    }

    public int getShownRows() {
        return SHOWN_ROWS;
    }

    public String text(Object cell) {
        return Table.text(cell);
    }

    public Period getPeriod() {
        return period;
    }

    public Table getRevenue() {
        return revenue;
    }

    public Table getTicketTypes() {
        return ticketTypes;
    }

    public Table getEvents() {
        return events;
    }

    public Table getCheckIns() {
        return checkIns;
    }

    public UUID getEventId() {
        return eventId;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public UUID getEvent() {
        return event;
    }

    public void setEvent(UUID event) {
        this.event = event;
    }

    public String getFromProblem() {
        return fromProblem;
    }

    public String getToProblem() {
        return toProblem;
    }
}
