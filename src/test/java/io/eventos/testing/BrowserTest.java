package io.eventos.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The base of every browser test: before each test the shared test server's address ({@link TestServer}, demo
 * data) and a fresh Chromium ({@link Browser#open()}) in {@link #browser}; after it the browser quits. A journey with
 * several people (an organizer and a phone at the door) opens more with {@link #anotherBrowser}; they quit after the
 * test too. When a test fails, every browser it had is saved first, as
 * {@code target/screenshots/FAILED-Class-method.png} (then {@code -2}, {@code -3} for the others). A test signs a
 * browser in as a role of the demo account with {@link #signInAs}, or as a user of its own with
 * {@link #signInDirectly}.
 * <p>
 * A class whose tests only read public pages may keep one browser for all its tests ({@link OneBrowserPerClass}):
 * it saves a Chromium start per test; such a class clears what its tests leave behind (cookies) itself. A journey of
 * several people, each with their own device, opens each browser when its person appears ({@link BrowsersOnDemand}:
 * no {@link #browser}, only {@link #anotherBrowser}). A test that starts servers of its own ({@link OwnServers}) gets
 * neither the shared test server nor a default browser.
 */
@ExtendWith(BrowserTest.ClassDone.class)
public abstract class BrowserTest {

    /** One browser for all the tests of the class, quit when the class is done. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @Inherited
    public @interface OneBrowserPerClass {
    }

    /** No default browser: each test opens the ones it needs with {@link #anotherBrowser}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @Inherited
    public @interface BrowsersOnDemand {
    }

    /**
     * The test drives servers of its own (a crash and a restart), not the shared test server: {@link #base} stays
     * null, so the shared server is not started for it, and there is no default browser ({@link #anotherBrowser}).
     */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @Inherited
    public @interface OwnServers {
    }

    protected URI base;
    protected ChromeDriver browser;
    private final List<ChromeDriver> others = new ArrayList<>();

    /** Opens the browser before each test and, when a test fails, saves what every browser showed. */
    @RegisterExtension
    protected final Extension browsers = new Browsers();

    private final class Browsers implements BeforeEachCallback, AfterTestExecutionCallback {

        @Override
        public void beforeEach(ExtensionContext context) {
            Class<?> test = BrowserTest.this.getClass(); // the test class (getClass() here would be this callback's)
            if (test.isAnnotationPresent(OwnServers.class)) {
                return;
            }
            base = TestServer.baseUri();
            if (test.isAnnotationPresent(OneBrowserPerClass.class)) {
                browser = SHARED.computeIfAbsent(test, type -> Browser.open()); // quit by ClassDone
            } else if (!test.isAnnotationPresent(BrowsersOnDemand.class)) {
                browser = Browser.open();
            }
        }

        @Override
        public void afterTestExecution(ExtensionContext context) {
            if (context.getExecutionException().isEmpty()) {
                return;
            }
            String name = "FAILED-" + context.getRequiredTestClass().getSimpleName() + "-"
                    + context.getRequiredTestMethod().getName();
            List<ChromeDriver> all = new ArrayList<>();
            if (browser != null) {
                all.add(browser);
            }
            all.addAll(others);
            for (int i = 0; i < all.size(); i++) {
                try {
                    Browser.screenshot(all.get(i), i == 0 ? name : name + "-" + (i + 1));
                } catch (RuntimeException unavailable) {
                    // the browser itself may be what failed: the test's own error is the one to report
                }
            }
        }
    }

    /** Signs {@code driver} in as this role of the demo account, as {@link #signInDirectly} does. */
    protected void signInAs(ChromeDriver driver, DemoLogin login) {
        signInDirectly(driver, login.email(), login.password());
    }

    /**
     * Signs {@code driver} in as this user without the sign-in page, for tests whose subject is not signing in: the
     * form is posted over plain HTTP ({@link TestUsers#signIn}, the request the page sends) and the session it opened
     * is handed to the browser as its cookie, replacing any session the browser had (a buyer's). It saves loading the
     * sign-in page and the dashboard it lands on; the test then opens the page it needs.
     */
    protected void signInDirectly(ChromeDriver driver, String email, String password) {
        RawHttp http = new RawHttp(base);
        String landing = TestUsers.signIn(http, email, password);
        String session = http.cookie("EVENTOS_SESSION");
        if (session == null || !landing.contains("/app/") && !landing.contains("/checkin/")) {
            throw new AssertionError("Signing in as " + email + " led to " + landing + " (" + http.cookieHeader() + ")");
        }
        if (!driver.getCurrentUrl().startsWith(base.toString())) {
            driver.get(base + "/health/live"); // a cookie is set for the site the browser shows: the cheapest page
        }
        driver.manage().deleteCookieNamed("EVENTOS_SESSION");
        driver.manage().addCookie(new Cookie.Builder("EVENTOS_SESSION", session).path("/").isHttpOnly(true).build());
    }

    /** One more browser for this test (another person, another device), with Chromium arguments if any. */
    protected ChromeDriver anotherBrowser(String... chromiumArguments) {
        ChromeDriver driver = Browser.open(chromiumArguments);
        others.add(driver);
        return driver;
    }

    @AfterEach
    void quitBrowsers() {
        others.forEach(ChromeDriver::quit);
        others.clear();
        if (browser != null && !getClass().isAnnotationPresent(OneBrowserPerClass.class)) {
            browser.quit();
        }
    }

    /** The browsers of {@link OneBrowserPerClass} classes, each quit when its class is done ({@link ClassDone}). */
    private static final Map<Class<?>, ChromeDriver> SHARED = new ConcurrentHashMap<>();

    /** Quits the class's shared browser after its last test. */
    static final class ClassDone implements AfterAllCallback {
        @Override
        public void afterAll(ExtensionContext context) {
            ChromeDriver shared = SHARED.remove(context.getRequiredTestClass());
            if (shared != null) {
                shared.quit();
            }
        }
    }
}
