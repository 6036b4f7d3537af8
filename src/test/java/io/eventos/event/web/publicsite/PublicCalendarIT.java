package io.eventos.event.web.publicsite;

import io.eventos.testing.PublicEventFixture;
import io.eventos.testing.TestServer;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The .ics files of public events and their sessions: valid iCalendar (read back with ical4j) at the right times. */
class PublicCalendarIT {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static URI base;

    @BeforeAll
    static void start() {
        base = TestServer.baseUri();
    }

    @Test
    void theEventsFileCarriesItsTimesNameAndPlace() throws Exception {
        LocalDateTime start = LocalDateTime.of(2031, 11, 7, 19, 30); // after the switch to winter time: UTC-5
        var event = PublicEventFixture.event("ics-event")
                .name("Jazz, blues; and \\ more: a very long evening name that will need folding in the file")
                .summary("Three sets,\nthen a jam.")
                .at(NEW_YORK, start, start.plusHours(3))
                .create();
        HttpResponse<String> response = get("/e/demo/" + event.slug() + ".ics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/calendar").containsIgnoringCase("charset=utf-8"));
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"" + event.slug() + ".ics\"");
        String ics = response.body();
        assertThat(ics).endsWith("\r\n").doesNotContain("\r\n\r\n");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }

        VEvent vevent = parse(ics);
        assertThat(Instant.from(vevent.getDateTimeStart().getDate()))
                .isEqualTo(Instant.parse("2031-11-08T00:30:00Z"));
        assertThat(Instant.from(vevent.getDateTimeEnd().getDate())).isEqualTo(Instant.parse("2031-11-08T03:30:00Z"));
        assertThat(ics).contains("DTSTART:20311108T003000Z");
        assertThat(vevent.getSummary().getValue())
                .isEqualTo("Jazz, blues; and \\ more: a very long evening name that will need folding in the file");
        assertThat(vevent.getDescription().getValue()).startsWith("Three sets,\nthen a jam.")
                .endsWith(base.resolve("/e/demo/" + event.slug()).toString());
        assertThat(vevent.getLocation().getValue()).isEqualTo(
                "Fixture Pier, Pier 84, 555 12th Avenue, 10036 New York, NY, US");
        assertThat(vevent.getUid().orElseThrow().getValue()).isEqualTo(event.id() + "@eventos");
        assertThat(vevent.<Property>getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CONFIRMED");
        assertThat(vevent.<Property>getProperty("ORGANIZER").orElseThrow().getValue())
                .isEqualTo("mailto:fixture@demo.eventos.test");
    }

    @Test
    void eachSessionHasItsOwnFileButBreaksAndUnknownSessionsDoNot() throws Exception {
        LocalDateTime day = LocalDateTime.of(2031, 7, 10, 0, 0);
        var event = PublicEventFixture.event("ics-sessions")
                .at(NEW_YORK, day.withHour(9), day.withHour(17))
                .session("Keynote: calendars", day.withHour(9), day.withHour(10), null, "keynote", "Ada Lovelace")
                .session("Coffee", day.withHour(10), day.withHour(10).withMinute(30), null, "break")
                .create();
        UUID keynote = event.sessionIds().get("Keynote: calendars");
        HttpResponse<String> response = get("/e/demo/" + event.slug() + "/sessions/" + keynote + ".ics");
        assertThat(response.statusCode()).isEqualTo(200);
        VEvent vevent = parse(response.body());
        assertThat(Instant.from(vevent.getDateTimeStart().getDate())).isEqualTo(Instant.parse("2031-07-10T13:00:00Z"));
        assertThat(Instant.from(vevent.getDateTimeEnd().getDate())).isEqualTo(Instant.parse("2031-07-10T14:00:00Z"));
        assertThat(vevent.getSummary().getValue()).isEqualTo("Keynote: calendars");
        assertThat(vevent.getDescription().getValue()).contains("With Ada Lovelace", "Part of Fixture ");
        assertThat(vevent.getLocation().getValue()).startsWith("Main Deck, Fixture Pier");

        UUID coffee = event.sessionIds().get("Coffee");
        assertThat(get("/e/demo/" + event.slug() + "/sessions/" + coffee + ".ics").statusCode()).isEqualTo(404);
        assertThat(get("/e/demo/" + event.slug() + "/sessions/" + UUID.randomUUID() + ".ics").statusCode())
                .isEqualTo(404);
        assertThat(get("/e/demo/product-summit/sessions/" + keynote + ".ics").statusCode())
                .as("a session of another event").isEqualTo(404);
        assertThat(get("/public/calendar").statusCode()).isEqualTo(404);
    }

    @Test
    void aCancelledEventsFileSaysSo() throws Exception {
        var event = PublicEventFixture.event("ics-cancelled").name("Called Off").cancelled("Storm warning")
                .create();
        VEvent vevent = parse(get("/e/demo/" + event.slug() + ".ics").body());
        assertThat(vevent.<Property>getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CANCELLED");
        assertThat(vevent.getSummary().getValue()).isEqualTo("Cancelled: Called Off");
    }

    private static VEvent parse(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        calendar.validate();
        return calendar.<VEvent>getComponent("VEVENT").orElseThrow();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
