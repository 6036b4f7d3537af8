package io.eventos.event.web.organizer;

import io.eventos.testing.Browser;
import io.eventos.testing.BrowserTest;
import io.eventos.testing.DemoLogin;
import io.eventos.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Organizers' events and venues in a real browser on the demo account (owner@demo): a venue with a room, an event in
 * New York time with a hostile description, its bad inputs and uploads, publishing, the events list's search and
 * filters, a venue in use, cloning, a weekly series across a change of daylight saving time, the account logo, and
 * another account's ids.
 */
class EventsAndVenuesIT extends BrowserTest {

    private static final String XSS = "<p>Harbour nights with live jazz</p><img src=x onerror=alert(1)><script>alert(2)</script>";

    private final String tag = Long.toString(System.nanoTime(), 36);

    @BeforeEach
    void open() {
        signInAs(browser, DemoLogin.OWNER);
    }

    @Test
    void anOrganizerCreatesAVenueAndAnEventRefusesBadInputPublishesAndFindsIt() throws Exception {
        // a venue with a room
        browser.get(base + "/app/venues.xhtml");
        Browser.submit(browser, By.id("new-venue"));
        type("venue-form:name", "Hudson Hall " + tag);
        type("venue-form:addressLine1", "Pier 84, 555 12th Avenue");
        type("venue-form:postalCode", "10036");
        type("venue-form:city", "New York");
        choose("venue-form:timeZone", "America/New_York");
        browser.findElement(By.id("venue-form:add-room")).click();
        wait(ExpectedConditions.presenceOfElementLocated(By.cssSelector("input[id$='room-name']")));
        browser.findElement(By.cssSelector("input[id$='room-name']")).sendKeys("Main Deck");
        browser.findElement(By.cssSelector("input[id$='room-capacity']")).sendKeys("200");
        Browser.submit(browser, By.id("venue-form:save"));
        assertThat(browser.findElement(By.id("messages")).getText()).contains("Venue created.");
        assertThat(browser.findElement(By.cssSelector("input[id$='room-name']")).getAttribute("value"))
                .isEqualTo("Main Deck");
        assertThat(browser.findElement(By.id("venue-form:generated-map-link")).getAttribute("href"))
                .startsWith("https://www.openstreetmap.org/search?query=Pier+84");
        String venueUrl = browser.getCurrentUrl();
        String venueId = venueUrl.substring(venueUrl.indexOf("id=") + 3);

        // an event in New York time at that venue
        browser.get(base + "/app/event.xhtml");
        WebElement name = browser.findElement(By.id("event-form:name"));
        name.sendKeys("Harbour Jazz " + tag, Keys.TAB);
        wait(d -> !d.findElement(By.id("event-form:slug")).getAttribute("value").isEmpty());
        assertThat(value("event-form:slug")).isEqualTo("harbour-jazz-" + tag);
        setValue("event-form:startsAt_input", "2027-05-20 19:00");
        setValue("event-form:endsAt_input", "2027-05-20 23:00");
        choose("event-form:timeZone", "America/New_York");
        choose("event-form:venue", venueId);
        Browser.submit(browser, By.id("event-form:save"));
        assertThat(browser.findElement(By.id("messages")).getText()).contains("Event created as a draft.");
        String eventUrl = browser.getCurrentUrl();
        String eventId = eventUrl.substring(eventUrl.indexOf("id=") + 3);
        assertThat(browser.findElement(By.id("saved-when")).getText())
                .isEqualTo("Thu 20 May 2027, 19:00 – Thu 20 May 2027, 23:00 (America/New_York)");
        assertThat(dbString("select starts_at::text from events where id = ?::uuid", eventId))
                .isEqualTo("2027-05-20 23:00:00+00");

        // a hostile description is stored inert and shows as text
        setValue("event-form:description_input", XSS);
        Browser.submit(browser, By.id("event-form:save"));
        assertThat(browser.findElement(By.id("messages")).getText()).contains("Event saved.");
        String stored = dbString("select description_html from events where id = ?::uuid", eventId);
        assertThat(stored).contains("Harbour nights with live jazz").doesNotContain("<script", "onerror", "<img");
        assertThat(browser.findElement(By.cssSelector("#event-form\\:description .ql-editor")).getText())
                .contains("Harbour nights with live jazz");
        assertNoAlert();

        // a slug already used and an end before the start: a sentence next to each field, the rest kept
        clearAndType("event-form:slug", "jazz-on-the-river");
        setValue("event-form:endsAt_input", "2027-05-20 18:00");
        Browser.submit(browser, By.id("event-form:save"));
        assertThat(browser.findElement(By.id("event-form:slug-message")).getText())
                .isEqualTo("Another event of this account already uses \"jazz-on-the-river\"; choose a different address.");
        assertThat(browser.findElement(By.id("event-form:endsAt-message")).getText())
                .isEqualTo("The event must end after it starts.");
        assertThat(value("event-form:name")).isEqualTo("Harbour Jazz " + tag);
        assertThat(value("event-form:slug")).isEqualTo("jazz-on-the-river");
        Browser.screenshot(browser, "event-editor-refused");
        clearAndType("event-form:slug", "harbour-jazz-" + tag);
        setValue("event-form:endsAt_input", "2027-05-20 23:00");

        // uploads: not an image, too large, then a real one
        upload("event-form", "cover.png", "<html><script>alert(1)</script></html>".getBytes());
        Browser.submit(browser, By.id("event-form:save"));
        assertThat(browser.findElement(By.id("event-form:cover-message")).getText())
                .isEqualTo("The file is not a PNG, JPEG, GIF or WebP image; choose an image file.");
        byte[] big = new byte[6 * 1024 * 1024];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        upload("event-form", "big.png", big);
        Browser.submit(browser, By.id("event-form:save"));
        assertThat(browser.findElement(By.id("event-form:cover-message")).getText())
                .isEqualTo("The image is larger than 5 MB; choose a smaller one.");
        upload("event-form", "cover.png", PNG);
        Browser.submit(browser, By.id("event-form:save"));
        assertThat(browser.findElement(By.id("messages")).getText()).contains("Event saved.");
        String cover = browser.findElement(By.id("cover-preview")).getAttribute("src");
        HttpResponse<byte[]> image = get(cover, null);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).contains("image/png");
        assertThat(image.headers().firstValue("Cache-Control")).contains("public, max-age=31536000, immutable");
        assertThat(image.body()).isEqualTo(PNG);
        String etag = image.headers().firstValue("ETag").orElseThrow();
        assertThat(get(cover, etag).statusCode()).isEqualTo(304);

        // publishing needs a ticket type: the editor lists it as missing, the tickets page adds one
        assertThat(browser.findElement(By.id("missing-list")).getText())
                .contains("Add at least one ticket type (free or paid) so people can get in.");
        String editorUrl = browser.getCurrentUrl();
        Browser.clickToNavigate(browser, browser.findElement(By.id("tickets-link")));
        browser.findElement(By.id("ticket-form:name")).sendKeys("Regular");
        WebElement price = browser.findElement(By.id("ticket-form:price"));
        price.clear();
        price.sendKeys("25.00");
        browser.findElement(By.id("ticket-form:quantity")).sendKeys("100");
        browser.findElement(By.id("ticket-form:save")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20), Browser.POLL).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("ticket-form:types"), "Regular"));
        assertThat(browser.findElement(By.id("ticket-form:types")).getText()).contains("€25.00", "100", "On sale");
        // after a save the form is a fresh "new ticket type": a second type is added, the first one stays
        assertThat(browser.findElement(By.cssSelector("[id='ticket-form:editor'] h2")).getText())
                .isEqualTo("Add a ticket type");
        assertThat(browser.findElement(By.id("ticket-form:name")).getAttribute("value")).isEmpty();
        browser.findElement(By.id("ticket-form:name")).sendKeys("Student");
        WebElement studentPrice = browser.findElement(By.id("ticket-form:price"));
        studentPrice.clear();
        studentPrice.sendKeys("10.00");
        browser.findElement(By.id("ticket-form:quantity")).sendKeys("20");
        browser.findElement(By.id("ticket-form:save")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20), Browser.POLL).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("ticket-form:types"), "Student"));
        assertThat(browser.findElements(By.cssSelector("[id='ticket-form:types_data'] tr"))).hasSize(2);
        assertThat(browser.findElement(By.id("ticket-form:types")).getText())
                .contains("Regular", "€25.00", "Student", "€10.00");
        // one tab bar for the event's pages, under breadcrumbs that lead back
        assertThat(browser.findElement(By.id("tab-tickets")).getAttribute("aria-current")).isEqualTo("page");
        assertThat(browser.findElement(By.id("tab-back")).getText()).isEqualTo("Events");
        assertThat(browser.findElements(By.cssSelector(".breadcrumbs li")).stream().map(WebElement::getText))
                .containsExactly("Dashboard", "Events", "Harbour Jazz " + tag, "Tickets");
        Browser.assertNoSeriousAccessibilityProblems(browser, "tickets page");
        browser.executeScript("window.scrollTo(0, 0)");
        Browser.screenshot(browser, "tickets-page");
        browser.get(editorUrl);
        assertThat(browser.findElements(By.id("missing-list"))).isEmpty();

        // publish (in person, with a venue, by a confirmed owner)
        Browser.submit(browser, By.id("status-form:publish"));
        assertThat(browser.findElement(By.id("status-badge")).getText()).isEqualTo("published");
        assertThat(browser.findElement(By.id("messages")).getText()).contains("Published");
        Browser.screenshot(browser, "event-editor-published");
        browser.get(base + "/e/demo/harbour-jazz-" + tag);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Harbour Jazz " + tag);
        assertNoAlert();

        // the events list finds it by text and status, in its own time zone
        browser.get(base + "/app/events.xhtml");
        type("events-form:text", "harbour " + tag);
        filter();
        String table = browser.findElement(By.id("events-form:events")).getText();
        assertThat(table).contains("Harbour Jazz " + tag, "Thu 20 May 2027, 19:00 (America/New_York)",
                "Hudson Hall " + tag, "published", "0 sold");
        choose("events-form:status", "draft");
        filter();
        assertThat(browser.findElement(By.id("events-form:events")).getText())
                .doesNotContain("Harbour Jazz " + tag).contains("No events match these filters.");
        choose("events-form:status", "published");
        filter();
        assertThat(browser.findElement(By.id("events-form:events")).getText()).contains("Harbour Jazz " + tag);
        Browser.screenshot(browser, "events-list");
        clearAndType("events-form:text", "nordic summit");
        filter();
        assertThat(browser.findElement(By.id("events-form:events")).getText())
                .containsPattern("Nordic Product Summit[\\s\\S]*Kulturbrauerei[\\s\\S]*published\\s+[1-9][0-9]* / 900");

        // the venue is in use: not deleted, archived instead, and no longer offered
        browser.get(venueUrl);
        browser.findElement(By.id("actions-form:delete")).click();
        Browser.clickToNavigate(browser, wait(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".ui-confirmdialog-yes"))));
        assertThat(browser.findElement(By.id("actions-form:delete-message")).getText())
                .startsWith("This venue is used by 1 event, so it cannot be deleted. Archive it instead");
        Browser.submit(browser, By.id("actions-form:archive"));
        assertThat(browser.findElement(By.id("archived-notice")).getText()).contains("This venue is archived");
        Browser.screenshot(browser, "venue-archived");
        browser.get(base + "/app/event.xhtml");
        assertThat(browser.findElement(By.id("event-form:venue_input")).getAttribute("innerHTML"))
                .doesNotContain(venueId).contains("Kulturbrauerei");
    }

    @Test
    void aCloneIsADraftWithTheAgendaAndTicketTypes() throws Exception {
        UUID source = createEventBySql("Clone source " + tag, "clone-source-" + tag);
        browser.get(base + "/app/event.xhtml?id=" + source);
        assertThat(browser.findElement(By.id("agenda-link")).getText()).contains("1 session)");
        setValue("clone-form:cloneStartsAt_input", "2027-06-10 10:00");
        Browser.submit(browser, By.id("clone-form:clone"));
        assertThat(browser.findElement(By.id("messages")).getText()).contains("This is the copy of");
        assertThat(browser.findElement(By.id("status-badge")).getText()).isEqualTo("draft");
        assertThat(browser.findElement(By.id("agenda-link")).getText()).contains("1 session)");
        assertThat(browser.findElement(By.id("ticket-type-count")).getText()).isEqualTo("2 ticket types");
        assertThat(value("event-form:slug")).isEqualTo("clone-source-" + tag + "-2027-06-10");
        String copy = browser.getCurrentUrl().substring(browser.getCurrentUrl().indexOf("id=") + 3);
        assertThat(copy).isNotEqualTo(source.toString());
        assertThat(dbString("""
                select s.title || ' ' || to_char(s.starts_at at time zone 'Europe/Berlin', 'YYYY-MM-DD HH24:MI')
                       || ' ' || sp.name
                from sessions s join session_speakers l on l.session_id = s.id join speakers sp on sp.id = l.speaker_id
                where s.event_id = ?::uuid""", copy)).isEqualTo("Opening 2027-06-10 10:30 Ada Lovelace");
        assertThat(dbString("select count(*)::text from orders where event_id = ?::uuid", copy)).isEqualTo("0");
        Browser.screenshot(browser, "event-clone");
    }

    @Test
    void aWeeklySeriesOfFourKeepsItsLocalTimeAcrossTheChangeOfDaylightSavingTime() {
        browser.get(base + "/app/event.xhtml");
        type("event-form:name", "Riverside meetup " + tag);
        setValue("event-form:startsAt_input", "2027-03-01 19:00");
        setValue("event-form:endsAt_input", "2027-03-01 21:00");
        choose("event-form:timeZone", "America/New_York");
        browser.findElement(By.cssSelector("#event-form\\:format label[for$='format:1']")).click(); // online
        wait(ExpectedConditions.presenceOfElementLocated(By.id("event-form:onlineUrl")));
        type("event-form:onlineUrl", "https://meet.example.com/riverside");
        Browser.submit(browser, By.id("event-form:save"));
        assertThat(browser.findElement(By.id("messages")).getText()).contains("Event created as a draft.");
        clearAndType("repeat-form:repeatCount", "3");
        Browser.submit(browser, By.id("repeat-form:repeat"));
        assertThat(browser.findElement(By.id("messages")).getText())
                .contains("3 draft events created weekly after this one");
        assertThat(browser.findElement(By.id("series-info")).getText()).contains("(4 dates)");

        browser.get(base + "/app/events.xhtml");
        type("events-form:text", "riverside " + tag);
        filter();
        String table = browser.findElement(By.id("events-form:events")).getText();
        assertThat(table).contains("Mon 1 Mar 2027, 19:00 (America/New_York)", "Mon 8 Mar 2027, 19:00 (America/New_York)",
                "Mon 15 Mar 2027, 19:00 (America/New_York)", "Mon 22 Mar 2027, 19:00 (America/New_York)");
        Browser.screenshot(browser, "events-series");
    }

    @Test
    void theAccountLogoIsUploadedShownAndRemoved() throws Exception {
        browser.get(base + "/app/settings.xhtml");
        upload("logo-form", "logo.txt", "just text".getBytes());
        Browser.submit(browser, By.id("logo-form:upload-logo"));
        assertThat(browser.findElement(By.id("logo-form:logo-message")).getText())
                .isEqualTo("The file is not a PNG, JPEG, GIF or WebP image; choose an image file.");
        upload("logo-form", "logo.png", PNG);
        Browser.submit(browser, By.id("logo-form:upload-logo"));
        assertThat(browser.findElement(By.id("global-messages")).getText()).contains("Logo saved.");
        String logo = browser.findElement(By.id("account-logo")).getAttribute("src");
        assertThat(logo).contains("/media/demo/");
        assertThat(get(logo, null).statusCode()).isEqualTo(200);
        Browser.screenshot(browser, "settings-logo");
        Browser.submit(browser, By.id("logo-form:remove-logo"));
        assertThat(browser.findElements(By.id("account-logo"))).isEmpty();
    }

    @Test
    void anotherAccountsEventAndVenueAreNotFound() throws Exception {
        UUID account = UUID.randomUUID();
        UUID venue = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        try (Connection db = TestDatabase.get().superuserConnection("eventos")) {
            execute(db, "insert into accounts (id, slug, name) values (?::uuid, ?, ?)", account.toString(),
                    "other-" + tag, "Other Org " + tag);
            execute(db, "insert into venues (id, account_id, name, time_zone) values (?::uuid, ?::uuid, ?, 'UTC')",
                    venue.toString(), account.toString(), "Secret Venue " + tag);
            execute(db, """
                    insert into events (id, account_id, slug, name, starts_at, ends_at, time_zone, currency, venue_id)
                    values (?::uuid, ?::uuid, 'secret', ?, now() + interval '9 days', now() + interval '10 days',
                            'UTC', 'EUR', ?::uuid)""", event.toString(), account.toString(), "Secret Event " + tag,
                    venue.toString());
        }
        for (String page : List.of("/app/event.xhtml?id=" + event, "/app/venue.xhtml?id=" + venue,
                "/app/event.xhtml?id=not-a-uuid", "/app/venue.xhtml?id=not-a-uuid", "/app/order.xhtml?id=not-a-uuid",
                "/app/tickets.xhtml?event=not-a-uuid", "/app/event-dashboard.xhtml?event=" + event + "x")) {
            browser.get(base + page);
            assertThat(browser.getTitle()).as(page).contains("Page not found");
            assertThat(browser.getPageSource()).as(page).doesNotContain("Secret");
            assertThat(get(base + page, null).statusCode()).as(page).isEqualTo(404);
        }
    }

    // ----------------------------------------------------------------------------------------------- helpers

    /** A 1×1 transparent PNG. */
    private static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /** A demo-account event (Berlin) with one session, one speaker on it and two ticket types, written with SQL. */
    private UUID createEventBySql(String name, String slug) throws SQLException {
        UUID event = UUID.randomUUID();
        try (Connection db = TestDatabase.get().superuserConnection("eventos")) {
            String account = dbString(db, "select id::text from accounts where slug = 'demo'");
            String venue = dbString(db, "select id::text from venues where account_id = ?::uuid and name = 'Kulturbrauerei'",
                    account);
            execute(db, """
                    insert into events (id, account_id, slug, name, starts_at, ends_at, time_zone, currency, venue_id)
                    values (?::uuid, ?::uuid, ?, ?, '2027-04-01 08:00Z', '2027-04-01 16:00Z', 'Europe/Berlin', 'EUR',
                            ?::uuid)""", event.toString(), account, slug, name, venue);
            UUID session = UUID.randomUUID();
            UUID speaker = UUID.randomUUID();
            execute(db, """
                    insert into sessions (id, account_id, event_id, title, starts_at, ends_at)
                    values (?::uuid, ?::uuid, ?::uuid, 'Opening', '2027-04-01 08:30Z', '2027-04-01 09:00Z')""",
                    session.toString(), account, event.toString());
            execute(db, "insert into speakers (id, account_id, event_id, name) values (?::uuid, ?::uuid, ?::uuid, "
                    + "'Ada Lovelace')", speaker.toString(), account, event.toString());
            execute(db, "insert into session_speakers (id, account_id, session_id, speaker_id) values "
                    + "(gen_random_uuid(), ?::uuid, ?::uuid, ?::uuid)", account, session.toString(), speaker.toString());
            execute(db, "insert into tickets (id, account_id, event_id, name, price_minor, currency, sort_order) "
                    + "values (gen_random_uuid(), ?::uuid, ?::uuid, 'Day pass', 4900, 'EUR', 0), "
                    + "(gen_random_uuid(), ?::uuid, ?::uuid, 'Student', 1900, 'EUR', 1)",
                    account, event.toString(), account, event.toString());
        }
        return event;
    }

    private void filter() {
        WebElement table = browser.findElement(By.id("events-form:events"));
        browser.findElement(By.id("events-form:filter")).click();
        wait(ExpectedConditions.stalenessOf(table));
        wait(ExpectedConditions.presenceOfElementLocated(By.id("events-form:events")));
    }

    private void type(String id, String text) {
        browser.findElement(By.id(id)).sendKeys(text);
    }

    private void clearAndType(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private String value(String id) {
        return browser.findElement(By.id(id)).getAttribute("value");
    }

    /** Sets an input's value as the browser would post it (date pickers, the rich text editor's hidden field). */
    private void setValue(String id, String value) {
        browser.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }

    /** Chooses an option of a PrimeFaces select menu (its hidden native select is what the form posts). */
    private void choose(String menuId, String optionValue) {
        Object found = browser.executeScript("""
                var select = document.getElementById(arguments[0] + '_input');
                for (var i = 0; i < select.options.length; i++) {
                    if (select.options[i].value === arguments[1]) { select.selectedIndex = i; return true; }
                }
                return false;""", menuId, optionValue);
        assertThat(found).as(menuId + " offers " + optionValue).isEqualTo(true);
    }

    private void upload(String formId, String fileName, byte[] bytes) throws IOException {
        Path dir = Files.createTempDirectory("eventos-upload");
        Path file = dir.resolve(fileName);
        Files.write(file, bytes);
        browser.findElement(By.cssSelector("#" + formId + " input[type=file]")).sendKeys(file.toString());
    }

    private void assertNoAlert() {
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    /** GET with the browser's session cookie (and an If-None-Match if given). */
    private HttpResponse<byte[]> get(String url, String ifNoneMatch) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        Cookie session = browser.manage().getCookieNamed("EVENTOS_SESSION");
        if (session != null) {
            request.header("Cookie", "EVENTOS_SESSION=" + session.getValue());
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String dbString(String sql, String... params) throws SQLException {
        try (Connection db = TestDatabase.get().superuserConnection("eventos")) {
            return dbString(db, sql, params);
        }
    }

    private static String dbString(Connection db, String sql, String... params) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setString(i + 1, params[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
                return String.join("\n", values);
            }
        }
    }

    private static void execute(Connection db, String sql, String... params) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setString(i + 1, params[i]);
            }
            statement.executeUpdate();
        }
    }

    private <T> T wait(java.util.function.Function<org.openqa.selenium.WebDriver, T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(20), Browser.POLL)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }
}
