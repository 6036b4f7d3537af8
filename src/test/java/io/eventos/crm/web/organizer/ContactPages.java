package io.eventos.crm.web.organizer;

import io.eventos.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** What the CRM's browser journeys read on the contact pages, and their waits. */
public final class ContactPages {

    private ContactPages() {
    }

    /** The contact page's timeline as text, newest entry first. */
    static String timeline(WebDriver browser) {
        for (int attempt = 0; ; attempt++) {
            try {
                return browser.findElement(By.id("timeline")).getText();
            } catch (StaleElementReferenceException replaced) {
                if (attempt > 5) {
                    throw replaced;
                }
            }
        }
    }

    /** The rows the contact list shows (none when it says it is empty). */
    static List<String> rows(WebDriver driver) {
        List<String> rows = new ArrayList<>();
        for (WebElement row : driver.findElements(By.cssSelector("[id='contacts-form:contacts_data'] tr"))) {
            if (!row.getAttribute("class").contains("ui-datatable-empty-message")) {
                rows.add(row.getText());
            }
        }
        return rows;
    }

    /** Waits up to 30 s, looking again when Faces replaced what was looked at. */
    public static WebDriverWait await(WebDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30), Browser.POLL);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Random lower-case letters: names no other test uses on the shared demo account. */
    static String letters(int count) {
        Random random = new Random();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }
}
