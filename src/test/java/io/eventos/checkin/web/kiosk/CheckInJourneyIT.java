package io.eventos.checkin.web.kiosk;

import io.eventos.testing.Browser;
import io.eventos.testing.BrowserTest;
import io.eventos.testing.BrowserTest.BrowsersOnDemand;
import io.eventos.testing.DemoLogin;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static io.eventos.testing.TestDatabase.execute;
import static io.eventos.testing.TestDatabase.query;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Check-in at the door in real browsers on the demo summit: the organizer makes a kiosk link on the event's check-in
 * page; a phone opens it and is the scanner; a typed code (as a USB scanner types it, ending with Enter) is admitted
 * green with the holder's name, the same code again is red with when and where it came in, a refunded ticket is red,
 * a search by name admits from the result; the organizer's page, open all along, shows the new count without a
 * reload; door staff signing in land on their event's scanner. axe-core finds no serious problem on the kiosk pages.
 */
@BrowsersOnDemand
class CheckInJourneyIT extends BrowserTest {

    private ChromeDriver browser(int width, int height) {
        ChromeDriver browser = anotherBrowser();
        browser.manage().window().setSize(new Dimension(width, height));
        return browser;
    }

    @Test
    void aKioskLinkTurnsAPhoneIntoTheScannerThatAdmitsOnceAndSaysWhy() throws Exception {
        String summit = query("select cast(id as text) from events where slug = 'product-summit'").get(0);
        List<String> codes = query("""
                select a.code from attendees a join orders o on o.id = a.order_id
                where a.event_id = cast(? as uuid) and a.status = 'valid' and o.status = 'paid'
                  and not exists (select 1 from check_ins c where c.attendee_id = a.id and c.undone_at is null)
                order by a.code limit 3""", summit);
        String code = codes.get(0);
        String refunded = codes.get(1);
        // the organizer refunded this one ticket (set up directly: the refund itself is tested in CheckoutIT), and it
        // is valid again after this test: the other tests share the demo summit
        execute("update attendees set status = 'refunded' where code = ?", refunded);
        try {
            kioskJourney(summit, codes, code, refunded);
        } finally {
            execute("update attendees set status = 'valid' where code = ?", refunded);
        }
    }

    private void kioskJourney(String summit, List<String> codes, String code, String refunded) throws Exception {
        List<String> searched = query("""
                select a.first_name || ' ' || a.last_name from attendees a where a.code = ?""", codes.get(2));

        // the organizer, on a laptop, makes a kiosk link for the north door
        ChromeDriver organizer = browser(1280, 900);
        signInAs(organizer, DemoLogin.OWNER);
        organizer.get(base + "/app/event.xhtml?id=" + summit);
        Browser.clickToNavigate(organizer, organizer.findElement(By.id("checkin-link")));
        assertThat(organizer.getCurrentUrl()).contains("/app/checkin.xhtml?event=" + summit);
        // the figure on the page may be up to 3 s old (DoorCountsCache), and the tests before this one admitted
        // people at the summit's door too: the starting figure comes from the database
        int before = checkedInAtTheSummitsDefaultList(summit);
        organizer.findElement(By.id("device-form:deviceName")).sendKeys("North door phone");
        organizer.findElement(By.id("device-form:create-device")).click();
        WebElement linkField = new WebDriverWait(organizer, Duration.ofSeconds(20), Browser.POLL)
                .until(d -> d.findElement(By.id("device-form:new-link")));
        String link = linkField.getAttribute("value");
        assertThat(link).startsWith(base + "/checkin/device.xhtml?account=").contains("&token=");
        assertThat(organizer.findElement(By.id("devices-form:devices")).getText()).contains("North door phone", "Active");
        Browser.screenshot(organizer, "checkin-organizer");

        // a phone opens the link: it is the scanner for the summit, with the cursor in the code field
        ChromeDriver phone = browser(390, 844);
        phone.get(link);
        assertThat(phone.getCurrentUrl()).contains("/checkin/scan.xhtml?event=" + summit);
        assertThat(phone.findElement(By.id("door-event")).getText()).isEqualTo("Nordic Product Summit");
        assertThat(phone.switchTo().activeElement().getAttribute("id")).isEqualTo("scan-form:code");
        assertNoSeriousAccessibilityProblems(phone, "scanner");

        typeIntoFocusedField(phone, code + "\n");
        WebElement green = awaitResult(phone, "admitted");
        assertThat(green.getAttribute("class")).contains("scan-green");
        assertThat(green.getText()).startsWith("✓").contains("Welcome, ");
        assertThat(phone.switchTo().activeElement().getAttribute("id")).as("ready for the next scan")
                .isEqualTo("scan-form:code");
        Browser.screenshot(phone, "checkin-phone-green");

        typeIntoFocusedField(phone, code + "\n");
        WebElement red = awaitResult(phone, "refused");
        assertThat(red.getAttribute("class")).contains("scan-red");
        assertThat(red.findElement(By.id("scan-headline")).getText()).isEqualTo("Already checked in");
        assertThat(red.findElement(By.id("scan-detail")).getText())
                .matches("This ticket was already used to come in\\. In at \\d\\d:\\d\\d, by North door phone\\.");
        Browser.screenshot(phone, "checkin-phone-red");

        typeIntoFocusedField(phone, refunded + "\n");
        awaitHeadline(phone, "Refunded");

        // a code that will not scan: search by name and admit from the result
        phone.findElement(By.id("search-form:query")).sendKeys(searched.get(0));
        phone.findElement(By.id("search-form:search")).click();
        WebElement admit = new WebDriverWait(phone, Duration.ofSeconds(20), Browser.POLL)
                .until(d -> d.findElement(By.id("search-form:hits:0:admit")));
        assertThat(phone.findElement(By.id("search-form:hits")).getText()).contains(searched.get(0));
        admit.click();
        awaitHeadline(phone, "Welcome, " + searched.get(0));

        // the organizer's page, open all along, shows the two new admissions without a reload
        int expected = before + 2;
        assertThat(checkedInAtTheSummitsDefaultList(summit)).isEqualTo(expected);
        wait(organizer).until(d ->
                d.findElement(By.cssSelector(".list-checked-in")).getText().equals(String.valueOf(expected)));
        organizer.navigate().refresh();
        assertThat(organizer.findElement(By.id("history-form:history")).getText())
                .contains("Admitted", "Already checked in", "Refunded", "North door phone");

        // a kiosk-sized screen, and the unknown code
        phone.manage().window().setSize(new Dimension(1280, 800));
        typeIntoFocusedField(phone, "NOT-A-TICKET\n");
        awaitHeadline(phone, "Unknown code");
        Browser.screenshot(phone, "checkin-kiosk-unknown");

        // the organizer revokes the link: the phone's next scan is refused
        organizer.findElement(By.id("devices-form:devices:0:revoke")).click();
        WebElement yes = wait(organizer).until(d -> {
            WebElement button = d.findElement(By.cssSelector(".ui-confirmdialog-yes"));
            return button.isDisplayed() ? button : null;
        });
        yes.click();
        wait(organizer).until(d ->
                d.findElement(By.id("devices-form:devices")).getText().contains("Revoked"));
        typeIntoFocusedField(phone, codes.get(2) + "\n");
        wait(phone).until(d ->
                d.findElement(By.id("messages")).getText().contains("This device's kiosk link has ended"));
    }

    @Test
    void doorStaffSigningInLandOnTheirEventsScanner() {
        ChromeDriver phone = browser(390, 844);
        phone.get(base + "/login.xhtml");
        Browser.submitSignIn(phone, "doors@demo.eventos.test", "demo-doors-2026");
        assertThat(phone.getCurrentUrl()).contains("/checkin/scan.xhtml?event=");
        assertThat(phone.findElement(By.id("door-event")).getText()).isEqualTo("Nordic Product Summit");
        Browser.screenshot(phone, "checkin-doors-landing");

        ChromeDriver signedOut = browser(390, 844);
        signedOut.get(base + "/checkin/");
        assertThat(signedOut.findElement(By.id("sign-in")).getAttribute("href")).endsWith("/login.xhtml?next=/checkin/");
        assertNoSeriousAccessibilityProblems(signedOut, "checkin-home");
        signedOut.get(base + "/checkin/device.xhtml?account=00000000-0000-0000-0000-000000000000&token=nope");
        assertThat(signedOut.findElement(By.id("device-refused")).getText()).contains("not valid");
        signedOut.get(base + "/checkin/scan.xhtml?event=00000000-0000-0000-0000-000000000000&list=x");
        assertThat(signedOut.getCurrentUrl()).as("no scanner without a sign-in or a kiosk link").endsWith("/checkin/");
    }

    /** Waits up to 30 s; an element replaced by an AJAX update while it is read is simply read again. */
    private static WebDriverWait wait(ChromeDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30), Browser.POLL);
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /**
     * The camera path: a ticket's QR code (drawn as the ticket PDF draws it) is what Chromium's fake camera shows; the
     * scanner, with no BarcodeDetector in this browser, sends frames to the server, which reads the code, and the
     * ticket is admitted as if typed.
     */
    @Test
    void theCameraReadsATicketsQrCodeAndAdmitsIt() throws Exception {
        String summit = query("select cast(id as text) from events where slug = 'product-summit'").get(0);
        String code = query("""
                select a.code from attendees a join orders o on o.id = a.order_id
                where a.event_id = cast(? as uuid) and a.status = 'valid' and o.status = 'paid'
                  and not exists (select 1 from check_ins c where c.attendee_id = a.id and c.undone_at is null)
                order by a.code desc limit 1""", summit).get(0);
        java.nio.file.Path video = java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "it"))
                .resolve("ticket-qr.mjpeg").toAbsolutePath();
        java.awt.image.BufferedImage qr = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(
                io.eventos.platform.qr.QrCodes.png(code, 320)));
        java.awt.image.BufferedImage frame = new java.awt.image.BufferedImage(640, 480,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = frame.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 640, 480);
        g.drawImage(qr, 160, 80, null);
        g.dispose();
        java.io.ByteArrayOutputStream jpeg = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(frame, "jpg", jpeg);
        try (var out = java.nio.file.Files.newOutputStream(video)) {
            for (int i = 0; i < 10; i++) {
                out.write(jpeg.toByteArray());
            }
        }

        ChromeDriver phone = anotherBrowser("--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                "--use-file-for-fake-video-capture=" + video);
        phone.manage().window().setSize(new Dimension(390, 844));
        phone.get(base + "/login.xhtml");
        Browser.submitSignIn(phone, "doors@demo.eventos.test", "demo-doors-2026");
        phone.findElement(By.id("camera-toggle")).click();
        awaitResult(phone, "admitted");
        assertThat(phone.findElement(By.id("scan-headline")).getText()).startsWith("Welcome, ");
        assertThat(query("""
                select count(*) from check_ins c join attendees a on a.id = c.attendee_id
                where a.code = ? and c.undone_at is null""", code)).containsExactly("1");
        Browser.screenshot(phone, "checkin-camera");
        // the frame endpoint answers nobody without a sign-in or a kiosk link
        ChromeDriver stranger = browser(390, 844);
        stranger.get(base + "/checkin/");
        Object status = stranger.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                fetch('frame', {method: 'POST', body: new Blob(['x'])}).then(r => done(r.status), e => done(-1));""");
        assertThat(status).as("refused (403, shown as the not-found page)").isIn(403L, 404L);
    }

    /**
     * Offline: the phone keeps its list; with the network cut (DevTools offline mode) it admits from that list and
     * queues the scans; a ticket admitted meanwhile at another door is admitted here too (the list could not know);
     * back online the queue uploads, the server records the first scan and refuses the other, and the organizer's
     * check-in page lists that conflict.
     */
    @Test
    void withoutNetworkTheScannerGoesOnAndReportsConflictsWhenBack() throws Exception {
        String summit = query("select cast(id as text) from events where slug = 'product-summit'").get(0);
        List<String> codes = query("""
                select a.code from attendees a join orders o on o.id = a.order_id
                where a.event_id = cast(? as uuid) and a.status = 'valid' and o.status = 'paid'
                  and not exists (select 1 from check_ins c where c.attendee_id = a.id and c.undone_at is null)
                order by a.code offset 8 limit 2""", summit);
        String alone = codes.get(0);
        String twice = codes.get(1);
        String twiceHolder = query("select a.first_name || ' ' || a.last_name from attendees a where a.code = ?",
                twice).get(0);

        ChromeDriver phone = browser(390, 844);
        phone.get(base + "/login.xhtml");
        Browser.submitSignIn(phone, "doors@demo.eventos.test", "demo-doors-2026");
        wait(phone).until(d -> d.findElement(By.id("offline-status")).getText().startsWith("Ready for offline: ")
                && "true".equals(d.findElement(By.id("door")).getAttribute("data-kept")));

        var offlineMode = new org.openqa.selenium.chromium.ChromiumNetworkConditions();
        offlineMode.setOffline(true);
        phone.setNetworkConditions(offlineMode);
        wait(phone).until(d -> d.findElement(By.id("offline-banner")).isDisplayed());

        // another door, online, admits one of the two tickets meanwhile
        ChromeDriver otherDoor = browser(1280, 800);
        signInAs(otherDoor, DemoLogin.OWNER);
        otherDoor.get(base + "/checkin/");
        otherDoor.get(base + "/app/checkin.xhtml?event=" + summit);
        Browser.clickToNavigate(otherDoor, otherDoor.findElement(By.cssSelector(".open-scanner")));
        typeIntoFocusedField(otherDoor, twice + "\n");
        awaitResult(otherDoor, "admitted");

        typeIntoFocusedField(phone, alone + "\n");
        WebElement first = awaitResult(phone, "admitted");
        assertThat(first.getAttribute("data-offline")).isEqualTo("true");
        assertThat(first.getText()).contains("Welcome, ", "offline");
        Browser.screenshot(phone, "checkin-offline-green");
        typeIntoFocusedField(phone, twice + "\n");
        awaitHeadline(phone, "Welcome, " + twiceHolder);
        typeIntoFocusedField(phone, alone + "\n");
        awaitHeadline(phone, "Already checked in");
        assertThat(query("select count(*) from checkin_scans where input in (?, ?) and offline", alone, twice))
                .as("queued on the phone, nothing uploaded without network").containsExactly("0");
        // the scanner reloaded without network opens from its service worker's copy and remembers who came in.
        // (Not asserted after the reload: Chromium may re-apply DevTools' offline mode a moment after the new page
        // starts, and a page that saw itself online in that moment rightly uploads its queue at once.)
        phone.navigate().refresh();
        wait(phone).until(d -> d.findElement(By.id("offline-banner")).isDisplayed());
        typeIntoFocusedField(phone, alone + "\n");
        awaitHeadline(phone, "Already checked in");
        Browser.screenshot(phone, "checkin-offline-reloaded");

        var onlineMode = new org.openqa.selenium.chromium.ChromiumNetworkConditions();
        onlineMode.setOffline(false);
        phone.setNetworkConditions(onlineMode);
        wait(phone).withMessage(() -> "offline status: " + phone.findElement(By.id("offline-status")).getText()
                + ", online: " + phone.executeScript("return navigator.onLine")).until(d ->
                d.findElement(By.id("offline-status")).getText().startsWith("Uploaded 2 offline scans; 1 refused"));
        assertThat(phone.findElement(By.id("offline-banner")).isDisplayed()).isFalse();
        assertThat(query("""
                select count(*) from check_ins c join attendees a on a.id = c.attendee_id
                where a.code in (?, ?) and c.undone_at is null""", alone, twice)).containsExactly("2");

        otherDoor.get(base + "/app/checkin.xhtml?event=" + summit);
        assertThat(otherDoor.findElement(By.id("conflicts")).getText()).contains(twiceHolder, "Already checked in",
                "Dana Doors");
        Browser.screenshot(otherDoor, "checkin-offline-conflicts");
    }

    /** Tickets of the summit whose latest admission on its default list stands, counted as the organizer page does. */
    private static int checkedInAtTheSummitsDefaultList(String summit) {
        return Integer.parseInt(query("""
                select count(distinct c.attendee_id)::text from check_ins c
                join checkin_lists l on l.id = c.list_id and l.is_default
                join attendees a on a.id = c.attendee_id and a.status = 'valid'
                join orders o on o.id = a.order_id and o.status = 'paid'
                where c.event_id = cast(? as uuid) and c.undone_at is null""", summit).get(0));
    }

    private static void typeIntoFocusedField(ChromeDriver browser, String text) {
        browser.switchTo().activeElement().sendKeys(text);
    }

    /** Waits for a new answer (the previous one is replaced) of the given kind and returns its panel. */
    private static WebElement awaitResult(ChromeDriver browser, String kind) {
        return wait(browser).until(d -> {
            List<WebElement> results = d.findElements(By.cssSelector("#result-area [data-result='" + kind + "']"));
            return results.isEmpty() ? null : results.get(0);
        });
    }

    private static void awaitHeadline(ChromeDriver browser, String headline) {
        wait(browser).until(d -> {
            List<WebElement> h = d.findElements(By.id("scan-headline"));
            return !h.isEmpty() && h.get(0).getText().equals(headline);
        });
    }

    private static void assertNoSeriousAccessibilityProblems(ChromeDriver browser, String page) {
        Browser.assertNoSeriousAccessibilityProblems(browser, page);
    }
}
