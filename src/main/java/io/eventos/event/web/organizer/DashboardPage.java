package io.eventos.event.web.organizer;

import io.eventos.analytics.service.AccountDashboard;
import io.eventos.platform.text.MoneyText;
import io.eventos.analytics.service.Dashboards;
import io.eventos.analytics.service.Period;
import io.eventos.analytics.service.PeriodInput;
import io.eventos.event.service.EventSearch;
import io.eventos.platform.web.ChartJs;
import io.eventos.platform.web.Formats;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * {@code /app/}: the organizer's start page. The figures of a period (the last 7, 30 or 90 days, or days typed in
 * as {@code ?from=&to=}) next to the period before, charts, and the upcoming events with their sales; the page is a
 * grid of cards ({@code .dash-grid}) to which other blocks can be added.
 */
@Named
@RequestScoped
public class DashboardPage {

    private static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);

    @Inject
    EventSearch events;
    @Inject
    Dashboards dashboards;

    private String days;
    private String from;
    private String to;
    private String fromProblem;
    private String toProblem;
    private AccountDashboard figures;
    private long eventCount;
    private List<Row> upcoming = List.of();
    private String salesChart;
    private String eventChart;
    private String ticketTypeChart;

    public void load() {
        eventCount = events.count();
        LocalDate today = dashboards.today();
        Period period = Period.last(30, today);
        if (!PeriodInput.absent(from, to)) {
            PeriodInput typed = PeriodInput.read(from, to, period);
            period = typed.period();
            fromProblem = typed.fromProblem();
            toProblem = typed.toProblem();
            days = null;
            if (!typed.valid()) {
                FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN,
                        "The period could not be used; showing the last 30 days.", null));
            }
        } else if ("7".equals(days) || "90".equals(days)) {
            period = Period.last(Integer.parseInt(days), today);
        } else {
            days = "30";
        }
        figures = dashboards.account(period);
        upcoming = figures.upcoming().stream()
                .map(e -> new Row(e, Formats.WHEN.format(ZonedDateTime.ofInstant(e.startsAt(), e.zone())) + " ("
                        + e.zone().getId() + ")"))
                .toList();
        salesChart = salesChart();
        eventChart = eventChart();
        ticketTypeChart = ticketTypeChart();
        if (fromProblem == null && toProblem == null) {
            from = period.from().toString();
            to = period.to().toString();
        }
    }

    private String salesChart() {
        ChartJs chart = ChartJs.bar().labels(figures.days().stream().map(d -> Formats.DAY_MONTH.format(d.day())).toList())
                .series("Tickets sold", figures.days().stream().map(AccountDashboard.Day::tickets).toList());
        chart.series("Revenue (" + figures.currency() + ")", figures.days().stream()
                .map(d -> MoneyText.decimal(d.revenueMinor(), figures.currency()).doubleValue()).toList(), "line",
                true, false);
        return chart.json();
    }

    private String eventChart() {
        return ChartJs.bar().horizontal().noLegend()
                .labels(figures.byEvent().stream().map(AccountDashboard.Slice::label).toList())
                .series("Revenue (" + figures.currency() + ")", figures.byEvent().stream()
                        .map(s -> MoneyText.decimal(s.revenueMinor(), figures.currency()).doubleValue()).toList())
                .json();
    }

    private String ticketTypeChart() {
        return ChartJs.doughnut()
                .labels(figures.byTicketType().stream().map(AccountDashboard.Slice::label).toList())
                .series("Tickets sold", figures.byTicketType().stream().map(AccountDashboard.Slice::tickets).toList())
                .json();
    }

    public String getPeriodText() {
        return LONG_DAY.format(figures.period().from()) + " – " + LONG_DAY.format(figures.period().to());
    }

    public String getPreviousText() {
        Period before = figures.period().previous();
        return LONG_DAY.format(before.from()) + " – " + LONG_DAY.format(before.to());
    }

    public String getRefreshedText() {
        return figures.refreshedAt() == null ? "not yet"
                : Formats.WHEN.format(ZonedDateTime.ofInstant(figures.refreshedAt(), figures.zone())) + " ("
                + figures.zone().getId() + ")";
    }

    /** The query of links that keep this period (for the reports page). */
    public String getPeriodQuery() {
        return "from=" + figures.period().from() + "&to=" + figures.period().to();
    }

    public String getSalesChart() {
        return salesChart;
    }

    public String getEventChart() {
        return eventChart;
    }

    public String getTicketTypeChart() {
        return ticketTypeChart;
    }

    public AccountDashboard getFigures() {
        return figures;
    }

    public List<Row> getUpcoming() {
        return upcoming;
    }

    public long getEventCount() {
        return eventCount;
    }

    public String getDays() {
        return days;
    }

    public void setDays(String days) {
        this.days = days;
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

    public String getFromProblem() {
        return fromProblem;
    }

    public String getToProblem() {
        return toProblem;
    }

    /** An upcoming event with its start written in its own zone. */
    public record Row(AccountDashboard.Upcoming event, String when) {
    }
}
