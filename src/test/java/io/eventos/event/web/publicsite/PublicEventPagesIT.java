package io.eventos.event.web.publicsite;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import io.eventos.testing.Browser;
import io.eventos.testing.BrowserTest;
import io.eventos.testing.BrowserTest.OneBrowserPerClass;
import io.eventos.testing.PublicEventFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The public event pages as an anonymous visitor sees them, in Chromium: times in the event's zone (and the
 * visitor's), agenda by day and track, tickets, visibility rules, cancellation, inert XSS payloads, metadata,
 * HTTP validation and accessibility.
 */
@OneBrowserPerClass
class PublicEventPagesIT extends BrowserTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** Records alert() calls and CSP violations of every page, before the page's own scripts run. */
    private static final String PROBE = """
            window.__alerts = [];
            window.alert = function (m) { window.__alerts.push(String(m)); };
            window.__csp = [];
            document.addEventListener('securitypolicyviolation',
                function (e) { window.__csp.push(e.violatedDirective + ' ' + e.blockedURI); });
            """;

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static ChromeDriver probed;

    @BeforeEach
    void probeAlertsAndPolicyViolations() {
        if (probed != browser) { // once for the class's browser
            browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PROBE));
            probed = browser;
        }
    }

    @AfterEach
    void noAlertsAndNoPolicyViolations() {
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat((List<?>) browser.executeScript("return window.__alerts || []")).as("alert() calls").isEmpty();
        assertThat((List<?>) browser.executeScript("return window.__csp || []")).as("CSP violations").isEmpty();
    }

    @Test
    void anEventInNewYorkShowsItsOwnTimesVenueAndOrganizerAndTheVisitorsTimeLabelled() {
        var event = PublicEventFixture.event("ny-evening")
                .name("Harbor Lights Evening")
                .at(NEW_YORK, LocalDateTime.of(2031, 7, 10, 19, 0), LocalDateTime.of(2031, 7, 10, 22, 30))
                .ticket("General admission", 4500, 5)
                .create();
        open("/e/demo/" + event.slug());
        assertThat(text("event-name")).isEqualTo("Harbor Lights Evening");
        // the test server runs in UTC: 23:00 UTC must read 19:00 in New York's summer time
        assertThat(text("event-when")).isEqualTo("Thursday, 10 July 2031, 19:00 – 22:30");
        assertThat(text("event-tz")).isEqualTo("Times are in America/New_York (Eastern Daylight Time, UTC-04:00)");
        assertThat(text("venue")).contains("Fixture Pier", "Pier 84, 555 12th Avenue", "10036 New York", "NY, US",
                "Accessibility: Step-free access");
        assertThat(browser.findElement(By.id("venue-map")).getAttribute("href")).startsWith(
                "https://www.openstreetmap.org/");
        assertThat(text("organizer")).contains("Northwind Events", "fixture@demo.eventos.test");

        try {
            browser.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Tokyo"));
            open("/e/demo/" + event.slug());
            WebElement viewer = browser.findElement(By.id("viewer-time"));
            assertThat(viewer.isDisplayed()).isTrue();
            assertThat(viewer.getText())
                    .isEqualTo("In your time zone (Asia/Tokyo): Friday, 11 July 2031, 08:00 – 11:30");
            Browser.screenshot(browser, "public-event-new-york-seen-from-tokyo");

            // a reload revalidates (If-None-Match → 304): the kept copy still runs its script under the policy
            browser.navigate().refresh();
            assertThat(browser.findElement(By.id("viewer-time")).getText()).contains("Asia/Tokyo", "08:00");

            browser.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "America/New_York"));
            open("/e/demo/" + event.slug());
            assertThat(browser.findElement(By.id("viewer-time")).isDisplayed())
                    .as("nothing to add for a visitor in New York").isFalse();
        } finally {
            browser.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", ""));
        }
    }

    @Test
    void theAgendaIsGroupedByDayAndTrackWithSpeakersAndCalendarLinks() {
        LocalDateTime day1 = LocalDateTime.of(2031, 9, 16, 0, 0);
        LocalDateTime day2 = day1.plusDays(1);
        var event = PublicEventFixture.event("two-tracks")
                .at(NEW_YORK, day1.withHour(9), day2.withHour(17))
                .session("Opening keynote", day1.withHour(9), day1.withHour(10), null, "keynote", "Ada Lovelace")
                .session("Roadmaps", day1.withHour(10).withMinute(15), day1.withHour(11), "Product", "talk",
                        "Grace Hopper", "Ada Lovelace")
                .session("Pipelines", day1.withHour(10).withMinute(15), day1.withHour(11), "Engineering", "talk",
                        "Alan Turing")
                .session("Lunch", day1.withHour(12), day1.withHour(13), null, "break")
                .session("Pricing lab", day2.withHour(9), day2.withHour(11), "Product", "workshop", "Grace Hopper")
                .create();
        open("/e/demo/" + event.slug());
        List<WebElement> days = browser.findElements(By.cssSelector("#agenda .agenda-day"));
        assertThat(days).hasSize(2);
        assertThat(days.get(0).findElement(By.tagName("h3")).getText()).isEqualTo("Tuesday, 16 September 2031");
        assertThat(days.get(0).findElements(By.cssSelector("h4.track-name")).stream().map(WebElement::getText))
                .containsExactly("Everyone", "Engineering", "Product"); // by first session, then name
        WebElement everyone = days.get(0).findElements(By.cssSelector(".agenda-track")).get(0);
        assertThat(everyone.getText()).contains("09:00 – 10:00", "Opening keynote", "Keynote · Main Deck",
                "Ada Lovelace (Fixture Co)", "12:00 – 13:00", "Lunch");
        assertThat(days.get(0).findElements(By.cssSelector(".agenda-track")).get(2).getText())
                .contains("10:15 – 11:00", "Roadmaps", "Ada Lovelace (Fixture Co), Grace Hopper (Fixture Co)");
        // on the second day there is only one track, but the day has tracks: its sessions are under it
        assertThat(days.get(1).findElements(By.cssSelector("h4.track-name")).stream().map(WebElement::getText))
                .containsExactly("Product");
        String keynote = event.sessionIds().get("Opening keynote").toString();
        assertThat(browser.findElement(By.cssSelector("#session-" + keynote + " a.session-ics"))
                .getAttribute("href")).endsWith("/e/demo/" + event.slug() + "/sessions/" + keynote + ".ics");
        String lunch = event.sessionIds().get("Lunch").toString();
        assertThat(browser.findElements(By.cssSelector("#session-" + lunch + " a.session-ics")))
                .as("no calendar file for a break").isEmpty();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        try {
            open("/e/demo/" + event.slug());
            Browser.screenshot(browser, "public-event-agenda-phone");
        } finally {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        }
    }

    @Test
    void ticketTypesShowPriceAndWhatIsLeft() {
        var event = PublicEventFixture.event("tickets")
                .ticket("General admission", 4500, 5)
                .ticket("Community", 0, null)
                .ticket("Front row", 12000, 0)
                .create();
        open("/e/demo/" + event.slug());
        List<String> rows = browser.findElements(By.cssSelector("#tickets li")).stream()
                .map(WebElement::getText).toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).contains("General admission", "$45.00", "On sale · Only 5 left");
        assertThat(rows.get(1)).contains("Community", "Free", "On sale · Available");
        assertThat(rows.get(2)).contains("Front row", "$120.00", "Sold out");
    }

    @Test
    void anUnlistedEventIsReachableByItsLinkButNeitherListedNorIndexed() throws Exception {
        var event = PublicEventFixture.event("unlisted").name("Quiet Unlisted Salon").visibility("unlisted")
                .create();
        HttpResponse<String> page = get("/e/demo/" + event.slug());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("X-Robots-Tag")).hasValue("noindex");
        assertThat(page.body()).contains("<meta name=\"robots\" content=\"noindex\" />")
                .doesNotContain("rel=\"canonical\"");
        open("/e/demo");
        assertThat(text("upcoming")).contains("Nordic Product Summit").doesNotContain("Quiet Unlisted Salon");
    }

    @Test
    void privateAndDraftEventsDoNotExistForThePublic() throws Exception {
        var secret = PublicEventFixture.event("private").name("Board Retreat").visibility("private").create();
        var draft = PublicEventFixture.event("draft").name("Half-planned Party").status("draft").create();
        for (var event : List.of(secret, draft)) {
            HttpResponse<String> page = get("/e/demo/" + event.slug());
            assertThat(page.statusCode()).isEqualTo(404);
            assertThat(page.body()).contains("Page not found").doesNotContain("Board Retreat", "Half-planned");
            assertThat(get("/e/demo/" + event.slug() + ".ics").statusCode()).isEqualTo(404);
        }
        open("/e/demo");
        assertThat(text("upcoming")).doesNotContain("Board Retreat", "Half-planned Party");
    }

    @Test
    void aCancelledEventSaysSoAtTheTopAndSellsNothing() {
        var event = PublicEventFixture.event("cancelled").name("Rained-out Regatta")
                .cancelled("The harbour is closed by the coast guard.")
                .ticket("Deck place", 3000, 50)
                .create();
        open("/e/demo/" + event.slug());
        WebElement notice = browser.findElement(By.cssSelector("#event > :first-child"));
        assertThat(notice.getAttribute("id")).isEqualTo("cancelled-notice");
        assertThat(notice.getText()).isEqualTo(
                "This event has been cancelled. The harbour is closed by the coast guard.");
        assertThat(browser.getTitle()).startsWith("Cancelled: Rained-out Regatta");
        assertThat(browser.findElements(By.id("tickets"))).isEmpty();
        Browser.screenshot(browser, "public-event-cancelled");
    }

    @Test
    void scriptsInNamesAndDescriptionsAreShownAsTextOrRemovedAndNeverRun() {
        String name = "</script><script>alert('name')</script><b>Bold</b> & \"quoted\"";
        String summary = "\"><img src=x onerror=alert('summary')>";
        var event = PublicEventFixture.event("xss").name(name).summary(summary)
                .description("<p>Hello</p><img src=x onerror=alert('img')><script>alert('desc')</script>"
                        + "<a href=\"javascript:alert('link')\">click</a><iframe src=\"https://example.com\"></iframe>")
                .session("</script><img src=x onerror=alert('session')>", LocalDateTime.of(2031, 7, 10, 19, 0),
                        LocalDateTime.of(2031, 7, 10, 20, 0), "<i>track</i>", "talk", "<svg onload=alert('sp')>")
                .create();
        open("/e/demo/" + event.slug());
        assertThat(text("event-name")).isEqualTo(name);
        assertThat(browser.findElement(By.cssSelector(".hero .lead")).getText()).isEqualTo(summary);
        assertThat(browser.findElements(By.cssSelector("img, iframe, svg, b, i, [onerror], [onload]"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector(".description a[href^='javascript']"))).isEmpty();
        // the only scripts are the application's files and the JSON-LD data block
        for (WebElement script : browser.findElements(By.tagName("script"))) {
            String type = script.getAttribute("type");
            String src = script.getAttribute("src");
            assertThat(type.equals("application/ld+json") || (src != null && src.contains("/jakarta.faces.resource/"))
                    )
                    .as("unexpected script: %s", script.getAttribute("outerHTML")).isTrue();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> jsonLd = (Map<String, Object>) browser.executeScript(
                "return JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)");
        assertThat(jsonLd.get("name")).isEqualTo(name);
        assertThat(browser.getTitle()).startsWith(name);
    }

    @Test
    void openGraphAndSchemaOrgEventDescribeThePage() {
        open("/e/demo/product-summit");
        assertThat(meta("og:title")).isEqualTo("Nordic Product Summit");
        assertThat(meta("og:url")).isEqualTo(base.resolve("/e/demo/product-summit").toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> jsonLd = (Map<String, Object>) browser.executeScript(
                "return JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)");
        assertThat(jsonLd).containsEntry("@type", "Event").containsEntry("name", "Nordic Product Summit")
                .containsEntry("eventStatus", "https://schema.org/EventScheduled")
                .containsEntry("eventAttendanceMode", "https://schema.org/OfflineEventAttendanceMode");
        assertThat((String) jsonLd.get("startDate")).matches("\\d{4}-\\d\\d-\\d\\dT09:00:00\\+0[12]:00");
        @SuppressWarnings("unchecked")
        Map<String, Object> location = (Map<String, Object>) jsonLd.get("location");
        assertThat(location.get("name")).isEqualTo("Kulturbrauerei");
        assertThat(location.get("address").toString()).contains("Berlin", "10435");
        assertThat((List<?>) jsonLd.get("offers")).isNotEmpty();
        assertThat(jsonLd.get("offers").toString()).contains("249.00", "EUR").doesNotContain("Student");
        open("/e/demo/autumn-gala");
        assertThat(meta("og:title")).isEqualTo("Cancelled: Autumn Gala");
        assertThat(browser.executeScript("return JSON.parse(document.querySelector("
                + "'script[type=\"application/ld+json\"]').textContent).eventStatus"))
                .isEqualTo("https://schema.org/EventCancelled");
    }

    @Test
    void pagesAreValidatedWithEntityTagsAndCarryNoNonce() throws Exception {
        HttpResponse<String> first = get("/e/demo/product-summit");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).startsWith("W/\"");
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("public, no-cache");
        assertThat(first.headers().allValues("Content-Security-Policy")).singleElement()
                .satisfies(policy -> assertThat(policy).endsWith("script-src 'self'"));
        assertThat(first.body()).doesNotContain("nonce");
        HttpResponse<String> second = get("/e/demo/product-summit");
        assertThat(second.headers().firstValue("ETag")).hasValue(etag);
        assertThat(second.body()).as("the same HTML for everyone").isEqualTo(first.body());
        // a new event's page: rendered once, then answered from the kept rendering without Faces (PageShortcut),
        // with the same body and the same headers
        String fresh = "/e/demo/" + PublicEventFixture.event("kept").create().slug();
        HttpResponse<String> rendered = get(fresh);
        HttpResponse<String> kept = get(fresh);
        assertThat(kept.body()).isEqualTo(rendered.body());
        assertThat(headersBut(kept, "date", "server-timing")).isEqualTo(headersBut(rendered, "date", "server-timing"));
        assertThat(get("/e/demo/jazz-on-the-river").headers().firstValue("ETag")).isNotEqualTo(java.util.Optional.of(etag));

        HttpResponse<String> again = HTTP.send(HttpRequest.newBuilder(base.resolve("/e/demo/product-summit"))
                .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.headers().allValues("Content-Security-Policy"))
                .anySatisfy(policy -> assertThat(policy).endsWith("script-src 'self'"))
                .noneSatisfy(policy -> assertThat(policy).contains("nonce"));

        HttpResponse<String> organizer = get("/e/demo");
        String organizerTag = organizer.headers().firstValue("ETag").orElseThrow();
        assertThat(HTTP.send(HttpRequest.newBuilder(base.resolve("/e/demo")).header("If-None-Match", organizerTag)
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(304);
    }

    private static java.util.Map<String, List<String>> headersBut(HttpResponse<?> response, String... left) {
        java.util.Map<String, List<String>> headers = new java.util.TreeMap<>(response.headers().map());
        for (String name : left) {
            headers.remove(name);
        }
        return headers;
    }

    @Test
    void thePublicPagesHaveNoSeriousAccessibilityProblems() {
        for (String path : List.of("/e/demo", "/e/demo/product-summit", "/e/demo/autumn-gala")) {
            open(path);
            // legacy mode: axe runs in the page itself (no helper window; these pages have no frames)
            Results results = new AxeBuilder().setLegacyMode(true).analyze(browser);
            List<String> problems = results.getViolations().stream()
                    .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                    .map(PublicEventPagesIT::describe)
                    .toList();
            assertThat(problems).as("axe-core on " + path).isEmpty();
            Browser.screenshot(browser, "public-axe-" + path.substring(1).replace('/', '-'));
        }
    }

    private static String describe(Rule rule) {
        return rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " "
                + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList();
    }

    private void open(String path) {
        browser.get(base + path);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private String meta(String property) {
        return browser.findElement(By.cssSelector("meta[property='" + property + "']")).getAttribute("content");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
