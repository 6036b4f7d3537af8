package io.eventos.testing;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;

/** Headless Debian Chromium driven by Selenium, with the flags that keep it on loopback and working as root. */
public final class Browser {

    /**
     * How often the tests' waits look again: Selenium's default, half a second, added up to that much to every page
     * change and every answer a test waits for (a click that loads a page waited at least 500 ms).
     */
    public static final Duration POLL = Duration.ofMillis(100);

    private Browser() {
    }

    /** Fills the sign-in form on the current page (/login.xhtml) and submits it. */
    public static void submitSignIn(ChromeDriver driver, String email, String password) {
        driver.findElement(org.openqa.selenium.By.id("login-form:email")).sendKeys(email);
        driver.findElement(org.openqa.selenium.By.id("login-form:password")).sendKeys(password);
        submit(driver, org.openqa.selenium.By.id("login-form:sign-in"));
    }

    /**
     * After a sign-up: the browser is on the sign-in page, which already holds the email the sign-up used; types the
     * password and signs in.
     */
    public static void signInAfterSignUp(ChromeDriver driver, String password) {
        if (!driver.getCurrentUrl().contains("/login.xhtml")) {
            throw new AssertionError("Not on the sign-in page after sign-up: " + driver.getCurrentUrl());
        }
        driver.findElement(org.openqa.selenium.By.id("login-form:password")).sendKeys(password);
        submit(driver, org.openqa.selenium.By.id("login-form:sign-in"));
    }

    /**
     * Clicks a button or link that loads a new page (a non-AJAX form post or a plain link) and returns once that
     * page has replaced the current one. A bare {@code click()} can return before a slow POST answers, and the
     * next lookup would then read the old page.
     */
    public static void submit(ChromeDriver driver, org.openqa.selenium.By target) {
        clickToNavigate(driver, driver.findElement(target));
    }

    /** As {@link #submit}, for an element already found (a menu item, a row's link). */
    public static void clickToNavigate(ChromeDriver driver, org.openqa.selenium.WebElement target) {
        org.openqa.selenium.WebElement page = driver.findElement(org.openqa.selenium.By.tagName("html"));
        target.click();
        var wait = new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(60), POLL);
        wait.until(d -> isGone(page));
        wait.until(d -> "complete".equals(driver.executeScript("return document.readyState")));
    }

    /**
     * Whether an element of the previous page is gone. Chromium answers a look at a node of a document being
     * replaced either "stale element" or, mid-navigation, "Node with given id does not belong to the document";
     * both mean gone.
     */
    private static boolean isGone(org.openqa.selenium.WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /**
     * Chooses an item of a PrimeFaces select menu ({@code menu} is its client id) as a person does: open it, wait
     * until the list has finished appearing (a click during its animation is lost), click the item whose label
     * starts with {@code label}, and wait until the menu shows it and the list is gone.
     */
    public static void chooseFromMenu(ChromeDriver driver, String menu, String label) {
        var wait = new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(20), POLL);
        org.openqa.selenium.By shown = org.openqa.selenium.By.id(menu + "_label");
        if (driver.findElement(shown).getText().startsWith(label)) {
            return;
        }
        driver.findElement(org.openqa.selenium.By.id(menu)).click();
        org.openqa.selenium.WebElement panel = awaitOverlay(driver, menu + "_panel");
        panel.findElement(org.openqa.selenium.By.cssSelector("li[data-label^='" + label + "']")).click();
        wait.until(d -> d.findElement(shown).getText().startsWith(label) && !isShown(panel));
    }

    /**
     * Ticks one item of a PrimeFaces checkbox menu ({@code menu} is its client id) as a person does: open it, wait
     * until its panel has finished appearing, tick the item labelled {@code label}, close the panel with its own close
     * button, and wait until the menu shows the label.
     */
    public static void tickInCheckboxMenu(ChromeDriver driver, String menu, String label) {
        var wait = new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(20), POLL);
        driver.findElement(org.openqa.selenium.By.id(menu)).click();
        org.openqa.selenium.WebElement panel = awaitOverlay(driver, menu + "_panel");
        panel.findElement(org.openqa.selenium.By.xpath(".//li[.//label[text()='" + label + "']]"))
                .findElement(org.openqa.selenium.By.cssSelector(".ui-chkbox-box")).click();
        panel.findElement(org.openqa.selenium.By.cssSelector(".ui-selectcheckboxmenu-close")).click();
        wait.until(d -> !isShown(panel) && d.findElement(org.openqa.selenium.By.id(menu)).getText().contains(label));
    }

    /**
     * Waits until the PrimeFaces overlay panel {@code panelId} (a select menu's list, a checkbox menu's panel) has
     * finished appearing, and returns it: during its animation the items move, and a click lands on another one or
     * is lost (AgendaIT ticked the wrong speaker once that way).
     */
    public static org.openqa.selenium.WebElement awaitOverlay(ChromeDriver driver, String panelId) {
        org.openqa.selenium.WebElement panel = driver.findElement(org.openqa.selenium.By.id(panelId));
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(20), POLL).until(d -> panel.isDisplayed()
                && (panel.getAttribute("class").contains("overlay-enter-done")
                    || !panel.getAttribute("class").contains("overlay-enter"))
                && Boolean.FALSE.equals(driver.executeScript("return jQuery(arguments[0]).is(':animated')", panel)));
        return panel;
    }

    private static boolean isShown(org.openqa.selenium.WebElement element) {
        try {
            return element.isDisplayed();
        } catch (org.openqa.selenium.StaleElementReferenceException gone) {
            return false;
        }
    }

    /**
     * axe-core (in the page itself: legacy mode, no helper window) finds no serious or critical accessibility
     * problem on what the browser shows now; the failure lists each rule with the elements it found. It first waits
     * until the page is at rest ({@link #awaitRest}): axe measured the orders list's "Filter" button as too little
     * contrast while it faded back in after its request (CheckoutIT, sessions 16 and 17; its colours at rest and on
     * hover pass).
     */
    public static void assertNoSeriousAccessibilityProblems(ChromeDriver driver, String page) {
        awaitRest(driver);
        com.deque.html.axecore.results.Results results = new com.deque.html.axecore.selenium.AxeBuilder()
                .setLegacyMode(true).analyze(driver);
        java.util.List<String> problems = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(rule -> rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList())
                .toList();
        if (!problems.isEmpty()) {
            throw new AssertionError("axe-core on " + page + ": " + problems);
        }
    }

    /**
     * Waits (up to 5 s) until the page is at rest, as a person reading it sees it: no PrimeFaces request queued or in
     * flight, no button still showing its request, no CSS transition running. A PrimeFaces button stays disabled (at
     * 60% opacity) for at least 500 ms after its click, however quickly the response came, and then fades back in
     * over 200 ms (the theme's transition); waiting for transitions alone could end before that fade began.
     */
    public static void awaitRest(ChromeDriver driver) {
        new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(5), POLL).until(d -> Boolean.TRUE
                .equals(driver.executeScript("""
                        return (typeof PrimeFaces === 'undefined' || PrimeFaces.ajax.Queue.isEmpty())
                            && document.querySelector('.ui-state-loading') === null
                            && document.getAnimations().filter(a => a instanceof CSSTransition)
                                .every(a => a.playState !== 'running');""")));
    }

    /** True if the element is inside the first screen (the viewport as it is now), top to bottom. */
    public static boolean inFirstScreen(ChromeDriver driver, org.openqa.selenium.WebElement element) {
        return Boolean.TRUE.equals(driver.executeScript("""
                const r = arguments[0].getBoundingClientRect();
                return r.top >= 0 && r.top < window.innerHeight && r.height > 0;""", element));
    }

    /** Saves what the browser shows to target/screenshots/{name}.png, for people reviewing a run. */
    public static void screenshot(ChromeDriver driver, String name) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException("Could not save a screenshot", e);
        }
    }

    public static ChromeDriver open() {
        return open(new String[0]);
    }

    /** As {@link #open()}, with more Chromium switches (e.g. a fake camera for the check-in scanner). */
    public static ChromeDriver open(String... extraArguments) {
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(System.getProperty("eventos.chromium", "/usr/bin/chromium"));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic", "--window-size=1280,900",
                    "--user-data-dir=" + Files.createTempDirectory("eventos-chromium"));
            options.addArguments(extraArguments);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(System.getProperty("eventos.chromedriver", "/usr/bin/chromedriver")))
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            return driver;
        } catch (IOException e) {
            throw new IllegalStateException("Could not create a Chromium profile directory", e);
        }
    }

    /**
     * Buys one Regular ticket of the demo summit with the test card at {@code base} (logged out, as a buyer does);
     * returns the order code from the private order page.
     */
    public static String buyOneSummitTicket(ChromeDriver driver, String base, String buyer) {
        return buyOneSummitTicket(driver, base, "Grace", "Hopper", buyer);
    }

    /** As {@link #buyOneSummitTicket(ChromeDriver, String, String)}, by a buyer of this name (also on the ticket). */
    public static String buyOneSummitTicket(ChromeDriver driver, String base, String firstName, String lastName,
                                            String buyer) {
        driver.get(base + "/e/demo/product-summit/tickets");
        org.openqa.selenium.WebElement label = driver.findElement(org.openqa.selenium.By.xpath(
                "//label[contains(@class,'ticket-name')][normalize-space(.)='Regular']"));
        new org.openqa.selenium.support.ui.Select(driver.findElement(org.openqa.selenium.By.id(
                label.getAttribute("for")))).selectByVisibleText("1");
        submit(driver, org.openqa.selenium.By.id("tickets-form:continue"));
        driver.findElement(org.openqa.selenium.By.id("checkout-form:buyer-name")).sendKeys(firstName + " " + lastName);
        driver.findElement(org.openqa.selenium.By.id("checkout-form:buyer-email")).sendKeys(buyer);
        driver.findElement(org.openqa.selenium.By.cssSelector("input[id$=':first-name']")).sendKeys(firstName);
        driver.findElement(org.openqa.selenium.By.cssSelector("input[id$=':last-name']")).sendKeys(lastName);
        driver.findElement(org.openqa.selenium.By.id("checkout-form:card")).sendKeys("4242 4242 4242 4242");
        submit(driver, org.openqa.selenium.By.id("checkout-form:place-order"));
        String status = driver.findElement(org.openqa.selenium.By.id("order-status")).getText();
        if (!status.contains("Paid")) {
            throw new AssertionError("The order is not paid: " + status);
        }
        return driver.findElement(org.openqa.selenium.By.id("order-code")).getText();
    }
}
