package io.eventos.event.web.publicsite;

import io.eventos.testing.Browser;
import io.eventos.testing.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The public pages' data is cached for a few seconds, but an organizer's change shows at once: the write announces
 * itself (PublicContentListener) and the account's cached pages are dropped when it commits.
 */
class PublicPageCacheIT extends BrowserTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void renamingTheAccountShowsOnItsPublicPageAtOnce() throws Exception {
        String unique = Long.toString(System.nanoTime(), 36);
        String name = "Cache Lane " + unique;
        browser.get(base + "/signup.xhtml");
        browser.findElement(By.id("signup-form:name")).sendKeys("Casey Cache");
        browser.findElement(By.id("signup-form:email")).sendKeys("casey-" + unique + "@example.test");
        browser.findElement(By.id("signup-form:password")).sendKeys("harbour-lantern-4821");
        browser.findElement(By.id("signup-form:organization")).sendKeys(name);
        clickToNavigate(By.id("signup-form:create"));
        io.eventos.testing.Browser.signInAfterSignUp(browser, "harbour-lantern-4821");
        assertThat(browser.getCurrentUrl()).contains("/app/");
        String slug = "cache-lane-" + unique;

        long firstView = System.nanoTime();
        assertThat(publicPage(slug)).contains(name);
        assertThat(publicPage(slug)).as("served from the cache").contains(name);

        browser.get(base + "/app/settings.xhtml");
        WebElement field = browser.findElement(By.id("settings-form:name"));
        field.clear();
        field.sendKeys("Renamed " + unique);
        clickToNavigate(By.id("settings-form:save"));
        String after = publicPage(slug);
        long elapsed = Duration.ofNanos(System.nanoTime() - firstView).toSeconds();
        // only meaningful while the cached entry would still be fresh (15 s): a very slow machine proves nothing
        assumeTrue(elapsed < 14, "took " + elapsed + " s, longer than the cache keeps an entry");
        assertThat(after).contains("Renamed " + unique).doesNotContain(name);
    }

    private String publicPage(String slug) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve("/e/" + slug)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private void clickToNavigate(By button) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(button).click();
        new WebDriverWait(browser, Duration.ofSeconds(60), Browser.POLL).until(ExpectedConditions.stalenessOf(page));
    }
}
