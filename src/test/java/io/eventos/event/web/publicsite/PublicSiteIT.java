package io.eventos.event.web.publicsite;

import io.eventos.testing.Browser;
import io.eventos.testing.BrowserTest;
import io.eventos.testing.BrowserTest.OneBrowserPerClass;
import io.eventos.testing.RawHttp;
import io.eventos.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The landing page and the demo organizer's public pages, in a real browser against the packaged application. */
@OneBrowserPerClass
class PublicSiteIT extends BrowserTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void landingPageIntroducesTheProductAndLinksTheThreeAudiences() {
        browser.get(base + "/");
        assertThat(browser.getTitle()).contains("EventOS");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("EventOS");
        assertThat(browser.findElements(By.cssSelector("a[href$='/app/index.xhtml']"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("a[href$='/e/demo']"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("a[href$='/checkin/index.xhtml']"))).isNotEmpty();
    }

    @Test
    void demoEventPageShowsDatesInTheEventsZoneAgendaVenueAndTickets() {
        browser.get(base + "/e/demo/product-summit");
        assertThat(browser.findElement(By.id("event-name")).getText()).isEqualTo("Nordic Product Summit");
        assertThat(browser.findElement(By.cssSelector(".event-tz")).getText()).contains("Europe/Berlin");
        assertThat(browser.findElement(By.id("event-when")).getText()).contains("09:00");
        assertThat(browser.findElement(By.id("event-venue")).getText()).contains("Kulturbrauerei");
        assertThat(browser.findElement(By.id("agenda")).getText()).contains("Product", "Engineering");
        String tickets = browser.findElement(By.id("tickets")).getText();
        assertThat(tickets).contains("Regular", "€249.00", "On sale").doesNotContain("Student");
        assertThat(browser.findElements(By.id("cancelled-notice"))).isEmpty();
        Browser.screenshot(browser, "public-event");
    }

    @Test
    void organizerPageListsUpcomingPublicEventsOnly() {
        browser.get(base + "/e/demo");
        String upcoming = browser.findElement(By.id("upcoming")).getText();
        assertThat(upcoming).contains("Nordic Product Summit", "Jazz on the River", "Autumn Gala", "Cancelled")
                .doesNotContain("Hands-on Data Workshop", "Founders Breakfast", "Spring Community Meetup");
    }

    @Test
    void cancelledEventSaysSoClearlyAndSellsNothing() {
        browser.get(base + "/e/demo/autumn-gala");
        assertThat(browser.findElement(By.id("cancelled-notice")).getText())
                .contains("This event has been cancelled", "venue is closed");
        assertThat(browser.findElements(By.id("tickets"))).isEmpty();
    }

    @Test
    void pastEventSaysItHasEndedAndSellsNothing() {
        browser.get(base + "/e/demo/spring-meetup");
        assertThat(browser.findElement(By.id("ended-notice")).getText()).contains("This event has ended");
        assertThat(browser.findElements(By.id("tickets"))).isEmpty();
    }

    @Test
    void onlineEventSaysSoWithoutPublishingItsLink() {
        browser.get(base + "/e/demo/data-workshop");
        assertThat(browser.findElement(By.id("event-format")).getText()).isEqualTo("Online event");
        assertThat(browser.getPageSource()).doesNotContain("online_url");
    }

    @Test
    void unlistedEventIsReachableByItsLinkButDraftsAndUnknownsAreNotFound() throws Exception {
        assertThat(get("/e/demo/data-workshop").statusCode()).isEqualTo(200);
        HttpResponse<String> draft = get("/e/demo/founders-breakfast");
        assertThat(draft.statusCode()).isEqualTo(404);
        assertThat(draft.body()).contains("Page not found").doesNotContain("Founders Breakfast");
        assertThat(get("/e/no-such-organizer").statusCode()).isEqualTo(404);
        assertThat(get("/e/demo/no-such-event").statusCode()).isEqualTo(404);
        assertThat(get("/e/demo/product-summit/../../etc").statusCode()).isEqualTo(404);
        assertThat(get("/public/event.xhtml").statusCode()).isEqualTo(404);
        assertThat(get("/no/such/page").body()).contains("Page not found")
                .doesNotContain(".java:", "Caused by", "at io.eventos");
    }

    @Test
    void publicPagesCarrySecurityHeadersAndCreateNoSession() throws Exception {
        HttpResponse<String> page = get("/e/demo/product-summit");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(page.headers().allValues("Content-Security-Policy"))
                // a script-free page: no inline script may run at all, so it needs no nonce (RenderedPages)
                .anySatisfy(policy -> assertThat(policy).endsWith("script-src 'self'"))
                .anySatisfy(policy -> assertThat(policy).contains("frame-ancestors 'none'"));
        assertThat(page.headers().allValues("Set-Cookie")).as("anonymous visitors get no session").isEmpty();
        assertThat(page.body()).doesNotContain("onclick=", "<script>");
    }

    /**
     * Issue 13, finding 8: HSTS is sent where the browser came over HTTPS. The test server speaks plain HTTP, so only
     * its trusted proxy's {@code X-Forwarded-Proto: https} makes it send the header; the same header from anyone
     * else does not.
     */
    @Test
    void strictTransportSecurityIsSentWhenTheTrustedProxySaysTheBrowserCameOverHttps() {
        Map<String, String> https = Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "198.51.100.4");
        assertThat(new RawHttp(base, TestServer.TRUSTED_PROXY).get("/e/demo/product-summit", https)
                .header("Strict-Transport-Security")).isEqualTo("max-age=31536000; includeSubDomains");
        assertThat(new RawHttp(base, "127.0.0.74").get("/e/demo/product-summit", https)
                .header("Strict-Transport-Security")).as("anyone else's header is ignored").isNull();
        assertThat(new RawHttp(base, TestServer.TRUSTED_PROXY).get("/e/demo/product-summit", Map.of())
                .header("Strict-Transport-Security")).as("plain HTTP").isNull();
    }

    @Test
    void readinessAnswersWhenTheDatabaseIsMigrated() throws Exception {
        HttpResponse<String> ready = get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"database\"", "UP");
    }

    /**
     * Issue 13, finding 8: Payara's MicroProfile Metrics answered {@code /metrics} to anyone (pool sizes, request
     * counts, JVM state). The server runs without it (src/main/payara/post-boot-commands.asadmin).
     */
    @Test
    void theServerPublishesNoMetrics() throws Exception {
        HttpResponse<String> metrics = get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(404);
        assertThat(metrics.body()).doesNotContain("# TYPE", "connection_pool");
    }

    /**
     * The HTTP listener's settings (compression of style sheets and scripts) are made before boot
     * (src/main/payara/pre-boot-commands.asadmin). Made after boot, each restarted the listener while the application
     * deployed, and one such restart left a server that never answered (OutboxRestartIT's, session 21): the
     * listener starts once.
     */
    @Test
    void theHttpListenerStartsOnceWithItsSettings() throws Exception {
        String log = java.nio.file.Files.readString(TestServer.log());
        assertThat(log.split("Network Listener http-listener started", -1)).as("listener starts in the log")
                .hasSize(2);
        assertThat(log).doesNotContain("GrizzlyProxy is NULL");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
