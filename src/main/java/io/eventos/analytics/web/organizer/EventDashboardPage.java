package io.eventos.analytics.web.organizer;

import io.eventos.analytics.service.AccountDashboard;
import io.eventos.analytics.service.Dashboards;
import io.eventos.analytics.service.EventDashboard;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.web.ChartJs;
import io.eventos.platform.web.Formats;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.util.Faces;

import java.io.IOException;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code /app/event-dashboard.xhtml?event=}: one event's sales curve against capacity, ticket types, promo codes,
 * the funnel, traffic sources and, from the day before it starts, the check-in curve.
 */
@Named
@RequestScoped
public class EventDashboardPage {


    @Inject
    Dashboards dashboards;

    private UUID event;
    private EventDashboard figures;
    private String salesChart;
    private String ticketChart;
    private String checkInChart;
    private boolean eventDay;

    public void load() throws IOException {
        if (event == null) {
            Faces.responseSendError(404, "Not found");
            return;
        }
        try {
            figures = dashboards.event(event);
        } catch (IllegalArgumentException | AccessDeniedException e) {
            Faces.responseSendError(404, "Not found");
            return;
        }
        List<String> labels = new ArrayList<>();
        List<Long> cumulative = new ArrayList<>();
        List<Long> capacity = new ArrayList<>();
        long sum = 0;
        for (AccountDashboard.Day d : figures.days()) {
            sum += d.tickets();
            labels.add(Formats.DAY_MONTH.format(d.day()));
            cumulative.add(sum);
            capacity.add(figures.capacity());
        }
        ChartJs sales = ChartJs.line().labels(labels).series("Tickets sold (cumulative)", cumulative);
        if (figures.capacity() != null) {
            sales.series("Capacity", capacity, "line", false, true);
        }
        salesChart = sales.json();
        ticketChart = ChartJs.bar().noLegend()
                .labels(figures.ticketTypes().stream().map(EventDashboard.TicketType::name).toList())
                .series("Tickets sold", figures.ticketTypes().stream().map(EventDashboard.TicketType::ticketsPaid)
                        .toList())
                .json();
        eventDay = figures.eventDay(Clock.systemUTC().instant());
        checkInChart = ChartJs.line()
                .labels(figures.checkIns().stream()
                        .map(q -> Formats.TIME.format(q.start().atZone(figures.eventZone()))).toList())
                .series("Admitted (cumulative)", figures.checkIns().stream()
                        .map(EventDashboard.Quarter::cumulative).toList())
                .series("Admitted in the quarter hour", figures.checkIns().stream()
                        .map(EventDashboard.Quarter::admitted).toList(), "bar", false, false)
                .json();
    }

    public String getWhen() {
        return Formats.WHEN.format(ZonedDateTime.ofInstant(figures.startsAt(), figures.eventZone())) + " ("
                + figures.eventZone().getId() + ")";
    }

    public String getRefreshedText() {
        return figures.refreshedAt() == null ? "not yet"
                : Formats.WHEN.format(ZonedDateTime.ofInstant(figures.refreshedAt(), figures.accountZone()));
    }

    public EventDashboard getFigures() {
        return figures;
    }

    public String getSalesChart() {
        return salesChart;
    }

    public String getTicketChart() {
        return ticketChart;
    }

    public String getCheckInChart() {
        return checkInChart;
    }

    public boolean isEventDay() {
        return eventDay;
    }

    public UUID getEvent() {
        return event;
    }

    public void setEvent(UUID event) {
        this.event = event;
    }
}
