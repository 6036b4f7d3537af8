package io.eventos.event.web.organizer;

import io.eventos.testing.Browser;
import io.eventos.testing.BrowserTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organizer's agenda in a real browser on the demo account: speakers with photos, sessions in rooms, the
 * overlap warning that names the other session, the list grouped by day and the schedule, in the event's zone.
 */
class AgendaIT extends BrowserTest {

    /** A 1x1 PNG. */
    private static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    @AfterEach
    void close(org.junit.jupiter.api.TestInfo test) {
        // what the browser showed when a test ends, failed or not (the last screen of a failure explains it)
        Browser.screenshot(browser, "agenda-end-" + test.getTestMethod().map(m -> m.getName()).orElse("test"));
    }

    @Test
    void anOwnerPlansTwoSessionsInOneRoomAndIsWarnedAboutTheOverlap() throws IOException {
        String n = Long.toString(System.nanoTime() % 1_000_000_000L);
        String speaker = "Agenda Speaker " + n;
        String first = "Agenda test first " + n;
        String second = "Agenda test second " + n;
        signIn("owner@demo.eventos.test", "demo-owner-2026");

        // from the dashboard to the agenda of the demo summit
        Browser.clickToNavigate(browser, browser.findElement(By.cssSelector("a.agenda-link-product-summit")));
        assertThat(text("agenda-title")).contains("Nordic Product Summit");
        assertThat(text("agenda-when")).contains("Europe/Berlin");
        List<WebElement> days = browser.findElements(By.cssSelector("section.agenda-day-block"));
        assertThat(days).hasSize(2);
        String lastDay = days.get(1).getAttribute("data-day");
        assertThat(days.get(0).getText()).contains("09:00–09:45", "Opening keynote: Products people come back to");

        // a speaker: a file that is not an image is refused next to the field, what was typed stays
        Browser.submit(browser, By.id("toolbar-form:add-speaker"));
        type("speaker-form:name", speaker);
        type("speaker-form:company", "Test Systems");
        browser.findElement(By.cssSelector("#speaker-form input[type=file]")).sendKeys(file("not-a-photo.png",
                "<html>not an image</html>".getBytes(StandardCharsets.UTF_8)).toString());
        Browser.submit(browser, By.id("speaker-form:save"));
        assertThat(text("speaker-form:photo-message")).contains("not a PNG, JPEG, GIF or WebP image");
        assertThat(browser.findElement(By.id("speaker-form:name")).getAttribute("value")).isEqualTo(speaker);
        browser.findElement(By.cssSelector("#speaker-form input[type=file]")).sendKeys(file("photo.png", PNG).toString());
        Browser.submit(browser, By.id("speaker-form:save"));
        assertThat(text("agenda-messages")).contains("Added " + speaker);
        WebElement speakerItem = browser.findElement(By.xpath(
                "//li[contains(@class,'speaker-item')][.//strong[text()='" + speaker + "']]"));
        assertThat(speakerItem.findElements(By.cssSelector("img.speaker-photo"))).hasSize(1);
        assertThat(naturalWidth(speakerItem.findElement(By.cssSelector("img.speaker-photo")))).isEqualTo(1L);
        assertThat(speakerItem.findElement(By.cssSelector("img.speaker-photo")).getAttribute("src"))
                .contains("/media/demo/");

        // the first session, with the speaker, in the Studio on the last day
        openNewSession();
        fillSession(first, lastDay, "18:00", "18:45", "Studio");
        chooseSpeaker(speaker);
        saveAndLeave();
        assertThat(text("agenda-messages")).contains("Added '" + first + "'.");

        // the second one: end before start is refused next to the field, nothing typed is lost
        openNewSession();
        fillSession(second, lastDay, "18:30", "18:15", "Studio");
        click("session-form:save");
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("session-form:end-message"),
                "must end after it starts"));
        assertThat(browser.findElement(By.id("session-form:title")).getAttribute("value")).isEqualTo(second);
        assertThat(browser.findElement(By.id("session-form:start")).getAttribute("value")).isEqualTo("18:30");

        // the same room at an overlapping time: a warning naming the first session, saved only when confirmed
        type("session-form:end", "19:15");
        click("session-form:save");
        WebElement warnings = wait(ExpectedConditions.visibilityOfElementLocated(By.id("session-form:warnings")));
        assertThat(warnings.getText()).contains("Studio is already used by '" + first + "' 18:00–18:45.");
        Browser.screenshot(browser, "agenda-overlap-warning");
        Browser.submit(browser, By.id("session-form:save-anyway"));
        assertThat(text("agenda-messages")).contains("Added '" + second + "' despite the overlap you confirmed.");

        // the list groups by day in the event's time zone: both on the last day, in order
        WebElement day = browser.findElement(By.cssSelector("section.agenda-day-block[data-day='" + lastDay + "']"));
        String dayText = day.getText();
        assertThat(dayText).contains("18:00–18:45", first, "18:30–19:15", second, speaker, "Studio");
        assertThat(dayText.indexOf(first)).isLessThan(dayText.indexOf(second));
        assertThat(browser.findElement(By.cssSelector("section.agenda-day-block")).getText())
                .as("the first day").doesNotContain(first);
        scrollTo(day);
        Browser.screenshot(browser, "agenda-list");

        // the schedule of that day shows both at their times in the event's zone
        Browser.submit(browser, By.id("view-schedule"));
        Browser.clickToNavigate(browser, browser.findElement(By.cssSelector(".agenda-days a:last-child")));
        wait(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//*[contains(@class,'fc-event')][contains(., '" + first + "')]")));
        WebElement event = browser.findElement(By.xpath(
                "//*[contains(@class,'fc-event')][contains(., '" + first + "')]"));
        assertThat(event.getText()).contains("18:00");
        scrollTo(event);
        Browser.screenshot(browser, "agenda-schedule");

        // dragging the first session an hour later puts it on top of the second: a warning naming it, then confirmed
        long slot = (Long) browser.executeScript(
                "return Math.round(document.querySelector('.fc-timegrid-slot').getBoundingClientRect().height)");
        drag(event, (int) (4 * slot));
        WebElement moveWarnings = wait(ExpectedConditions.visibilityOfElementLocated(By.id("move-warnings")));
        assertThat(moveWarnings.getText()).contains("Studio is already used by '" + second + "' 18:30–19:15.");
        Browser.screenshot(browser, "agenda-move-warning");
        Browser.submit(browser, By.id("move-form:move-anyway"));
        wait(ExpectedConditions.textToBePresentInElementLocated(By.id("agenda-growl_container"),
                "Moved '" + first + "' to 19:00–19:45 despite the overlap you confirmed."));
        // the schedule is re-rendered after the message: wait for the entry at its new time
        wait(ExpectedConditions.textToBePresentInElementLocated(
                By.xpath("//*[contains(@class,'fc-event')][contains(., '" + first + "')]"), "19:00"));

        // the audit log has the changes
        browser.get(base + "/app/audit.xhtml");
        assertThat(browser.findElement(By.id("audit-form:entries")).getText())
                .contains("session.created", "speaker.created");
    }

    @Test
    void aViewerSeesTheAgendaReadOnlyAndAnUnknownEventIsNotFound() {
        signIn("viewer@demo.eventos.test", "demo-viewer-2026");
        Browser.clickToNavigate(browser, browser.findElement(By.cssSelector("a.agenda-link-product-summit")));
        assertThat(text("agenda-title")).contains("Nordic Product Summit");
        assertThat(browser.findElements(By.cssSelector("section.agenda-day-block")).get(0).getText())
                .contains("Opening keynote");
        assertThat(browser.findElements(By.id("toolbar-form:add-session"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector(".agenda-edit"))).isEmpty();
        assertThat(browser.findElements(By.id("session-dialog"))).isEmpty();

        browser.get(base + "/app/agenda.xhtml?event=" + UUID.randomUUID());
        assertThat(browser.getTitle()).contains("Page not found");
        browser.get(base + "/app/agenda.xhtml?event=not-an-id");
        assertThat(browser.getTitle()).contains("Page not found");
        browser.get(base + "/app/speaker.xhtml?event=" + UUID.randomUUID());
        assertThat(browser.getTitle()).contains("Page not found");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private void openNewSession() {
        click("toolbar-form:add-session");
        wait(ExpectedConditions.visibilityOfElementLocated(By.id("session-dialog")));
        wait(ExpectedConditions.elementToBeClickable(By.id("session-form:title")));
    }

    private void fillSession(String title, String date, String start, String end, String room) {
        type("session-form:title", title);
        type("session-form:date_input", date);
        type("session-form:start", start);
        type("session-form:end", end);
        Browser.chooseFromMenu(browser, "session-form:room", room);
    }

    private void chooseSpeaker(String name) {
        Browser.tickInCheckboxMenu(browser, "session-form:speakers", name);
    }

    /** Drags a schedule entry down by {@code dy} pixels in small steps, as a hand would. */
    private void drag(WebElement entry, int dy) {
        var actions = new org.openqa.selenium.interactions.Actions(browser).moveToElement(entry).clickAndHold()
                .pause(Duration.ofMillis(300));
        for (int i = 0; i < 4; i++) {
            actions = actions.moveByOffset(0, i < 3 ? dy / 4 : dy - 3 * (dy / 4)).pause(Duration.ofMillis(150));
        }
        actions.release().perform();
    }

    private void saveAndLeave() {
        Browser.submit(browser, By.id("session-form:save"));
    }

    private void type(String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        field.sendKeys(value);
    }

    private void click(String id) {
        wait(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    private String text(String id) {
        return wait(ExpectedConditions.presenceOfElementLocated(By.id(id))).getText();
    }

    private Path file(String name, byte[] bytes) throws IOException {
        Path dir = Files.createTempDirectory("agenda-it");
        return Files.write(dir.resolve(name), bytes);
    }

    private Long naturalWidth(WebElement image) {
        wait(d -> Boolean.TRUE.equals(browser.executeScript("return arguments[0].complete", image)));
        return (Long) browser.executeScript("return arguments[0].naturalWidth", image);
    }

    private void scrollTo(WebElement element) {
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    private <T> T wait(ExpectedCondition<T> condition) {
        return new WebDriverWait(browser, Duration.ofSeconds(20), Browser.POLL).until(condition);
    }

    private void signIn(String email, String password) {
        browser.get(base + "/login.xhtml");
        Browser.submitSignIn(browser, email, password);
        wait(ExpectedConditions.urlContains("/app/"));
    }
}
