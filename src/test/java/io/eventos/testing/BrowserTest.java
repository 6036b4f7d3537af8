package io.eventos.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chrome.ChromeDriver;

import java.net.URI;

/**
 * The base of a browser journey: before each test the shared test server's address ({@link TestServer}, demo data)
 * and a fresh Chromium ({@link Browser#open()}); after it the browser quits. When a test fails, the page it failed
 * on is saved first, as {@code target/screenshots/FAILED-Class-method.png}.
 */
public abstract class BrowserTest {

    protected URI base;
    protected ChromeDriver browser;

    @RegisterExtension
    protected final AfterTestExecutionCallback screenshotOnFailure = context -> {
        if (context.getExecutionException().isPresent() && browser != null) {
            try {
                Browser.screenshot(browser, "FAILED-" + context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getRequiredTestMethod().getName());
            } catch (RuntimeException unavailable) {
                // the browser itself may be what failed: the test's own error is the one to report
            }
        }
    };

    @BeforeEach
    void openBrowser() {
        base = TestServer.baseUri();
        browser = Browser.open();
    }

    @AfterEach
    void quitBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }
}
