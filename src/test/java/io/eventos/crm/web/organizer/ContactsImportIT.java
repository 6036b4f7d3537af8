package io.eventos.crm.web.organizer;

import io.eventos.testing.Browser;
import io.eventos.testing.BrowserTest;
import io.eventos.testing.DemoLogin;
import io.eventos.testing.TestUsers;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static io.eventos.testing.TestDatabase.query;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contact import in a real browser as the demo owner: a file of the wrong structure is refused next to the file
 * field and nothing of it is imported; a semicolon-separated file with a byte order mark, one bad row and one row
 * with the (differently cased) email of an existing contact shows its preview — the bad row with its line and reason,
 * the duplicate as "Updates a contact" — then imports in the background and says what it did: the existing contact
 * updated, not twinned, with "Imported from FILE" on its timeline, and the import in the audit log. The list filtered
 * by the file's tag, exported as XLSX and read back with POI, is the list on screen.
 */
class ContactsImportIT extends BrowserTest {

    @Test
    void aFileWithABadRowAndADuplicateIsPreviewedThenImportedAndTheListExportsAsXlsx() throws Exception {
        String suffix = ContactsJourneyIT.letters(6);
        String tag = "imp-" + suffix;
        String existing = "existing-" + suffix + "@example.org";
        TestUsers.update("""
                insert into contacts (id, account_id, email, first_name, last_name, company, source)
                values (gen_random_uuid(), (select id from accounts where slug = 'demo'), ?, 'Erna', 'Vorhanden',
                        'Old Company', 'manual')""", existing);

        signInAs(browser, DemoLogin.OWNER);
        browser.get(base + "/app/contacts.xhtml");
        Browser.clickToNavigate(browser, browser.findElement(By.id("import-contacts")));
        assertThat(browser.getCurrentUrl()).contains("/app/contacts-import.xhtml");

        // a wrong structure: refused as a whole, next to the file field, nothing imported
        upload("broken-" + suffix + ".csv", ("email,first name\nfirst-" + suffix + "@example.org,First\n"
                + "second-" + suffix + "@example.org,Second,surplus\n").getBytes(StandardCharsets.UTF_8));
        Browser.submit(browser, By.id("upload-form:read"));
        assertThat(browser.findElement(By.id("upload-form:file-message")).getText()).startsWith("Line 3 has 3 values "
                + "but the first line names 2 columns.").endsWith("Nothing was imported.");
        assertThat(browser.findElements(By.id("mapping-form"))).isEmpty();
        assertThat(query("select count(*) from contacts where email like ?",
                "%-" + suffix + "@example.org")).as("only the existing one").containsExactly("1");
        Browser.screenshot(browser, "import-1-refused");

        // semicolons, a byte order mark, a bad phone on line 3, the existing contact's email in capitals on line 4
        String file = "\uFEFFFirst name;Last name;E-mail;Phone;Company;Tags\r\n"
                + "Nora;Neu;nora-" + suffix + "@example.org;+49 30 1234567;;" + tag + "\r\n"
                + "Bernd;Falsch;bernd-" + suffix + "@example.org;030 1234;;" + tag + "\r\n"
                + "Erna;;" + existing.toUpperCase() + ";;New Company " + suffix + ";" + tag + "\r\n"
                + "Otto;Zweit;otto-" + suffix + "@example.org;;;" + tag + "\r\n";
        String fileName = "people-" + suffix + ".csv";
        upload(fileName, file.getBytes(StandardCharsets.UTF_8));
        Browser.submit(browser, By.id("upload-form:read"));
        assertThat(browser.findElement(By.id("mapping-form:column:2:field_label")).getText()).isEqualTo("Email");
        assertThat(browser.findElement(By.id("preview-counts")).getText())
                .isEqualTo("4 rows: 2 new contacts, 1 contact updated, 1 row skipped.");
        assertThat(tableRows("mapping-form:problems")).containsExactly("3 Phone “030 1234” cannot be read with a "
                + "country code (e.g. +49 30 1234567).");
        List<String> sample = tableRows("mapping-form:sample");
        assertThat(sample).hasSize(4);
        assertThat(sample.get(0)).contains("Nora Neu", "+49301234567", tag, "New contact");
        assertThat(sample.get(1)).contains("Skipped: Phone “030 1234”");
        assertThat(sample.get(2)).contains(existing.toUpperCase(), "New Company " + suffix, "Updates a contact");
        Browser.screenshot(browser, "import-2-preview");
        Browser.assertNoSeriousAccessibilityProblems(browser, "the import's preview");
        browser.executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("preview-counts")));
        Browser.screenshot(browser, "import-2-preview-rows");
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.executeScript("window.scrollTo(0, 0)");
        Object wider = browser.executeScript("const w = document.documentElement.clientWidth; return"
                + " Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > w + 1"
                + " && !e.closest('.wide-table')).slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className)"
                + ".join(' ')");
        assertThat((Long) browser.executeScript("return document.documentElement.scrollWidth"))
                .as("nothing wider than the phone: the preview's tables scroll in their own box; wider: " + wider)
                .isLessThanOrEqualTo((Long) browser.executeScript("return document.documentElement.clientWidth"));
        Browser.screenshot(browser, "import-2-preview-phone");
        browser.executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("preview-counts")));
        Browser.screenshot(browser, "import-2-preview-rows-phone");
        browser.manage().window().setSize(new Dimension(1280, 900));

        Browser.clickToNavigate(browser, browser.findElement(By.id("mapping-form:start")));
        assertThat(browser.getCurrentUrl()).contains("/app/contacts-import.xhtml?import=");
        wait(browser).until(d -> !d.findElements(By.id("summary")).isEmpty());
        assertThat(browser.findElement(By.id("summary")).getText()).isEqualTo("Imported " + fileName
                + ": 2 contacts created, 1 contact updated, 1 row skipped.");
        assertThat(tableRows("status-form:summary-problems")).hasSize(1).first().asString().startsWith("3 Phone");
        Browser.screenshot(browser, "import-3-summary");

        // the duplicate updated, not twinned, with its timeline entry; the import is in the audit log
        assertThat(query("select first_name || ' ' || last_name || ' / ' || company from contacts "
                + "where lower(email) = ?", existing)).containsExactly("Erna Vorhanden / New Company " + suffix);
        assertThat(query("""
                select a.subject from activities a join contacts c on c.id = a.contact_id
                where lower(c.email) = ? and a.kind = 'imported'""", existing))
                .containsExactly("Imported from " + fileName);
        assertThat(query("select count(*) from contacts where email like ?",
                "%-" + suffix + "@example.org")).as("existing, Nora, Otto; not Bernd").containsExactly("3");
        browser.get(base + "/app/audit.xhtml");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("contacts.imported");

        // the list filtered by the file's tag, and its XLSX file: the same people in the same order
        browser.get(base + "/app/contacts.xhtml?tag=" + tag);
        wait(browser).until(d -> contactRows().size() == 3);
        List<String> shown = new ArrayList<>();
        for (WebElement row : browser.findElements(By.cssSelector("[id='contacts-form:contacts_data'] tr"))) {
            shown.add(row.findElement(By.cssSelector("a.contact-link")).getText() + " | "
                    + row.findElement(By.cssSelector("small")).getText());
        }
        String href = browser.findElement(By.id("contacts-form:export-contacts-xlsx")).getAttribute("href");
        assertThat(href).contains("/app/export/contacts.xlsx?tag=" + tag);
        List<List<String>> xlsx = readXlsx(download(href));
        assertThat(xlsx.get(0)).startsWith("first name", "last name", "email");
        List<String> exported = xlsx.subList(1, xlsx.size()).stream()
                .map(r -> (r.get(0) + " " + r.get(1)).strip() + " | " + r.get(2)).toList();
        assertThat(exported).isEqualTo(shown);
        assertThat(exported).contains("Erna Vorhanden | " + existing);
    }

    private void upload(String fileName, byte[] bytes) throws Exception {
        Path dir = Files.createTempDirectory("eventos-import");
        Path file = dir.resolve(fileName);
        Files.write(file, bytes);
        browser.findElement(By.cssSelector("#upload-form input[type=file]")).sendKeys(file.toString());
    }

    /** What the signed-in browser downloads from this address, as bytes. */
    private byte[] download(String url) {
        Object base64 = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.arrayBuffer()).then(b => {"
                + " let s = ''; const a = new Uint8Array(b);"
                + " for (let i = 0; i < a.length; i++) s += String.fromCharCode(a[i]);"
                + " done(btoa(s)); }, e => done(''));", url);
        return Base64.getDecoder().decode(String.valueOf(base64));
    }

    private static List<List<String>> readXlsx(byte[] bytes) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter format = new DataFormatter();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            XSSFSheet sheet = book.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < 10; c++) {
                    cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    private List<String> tableRows(String tableId) {
        List<String> rows = new ArrayList<>();
        for (WebElement row : browser.findElements(By.cssSelector("[id='" + tableId + "_data'] tr"))) {
            rows.add(row.getText().replaceAll("\\s+", " "));
        }
        return rows;
    }

    private List<WebElement> contactRows() {
        return browser.findElements(By.cssSelector("[id='contacts-form:contacts_data'] tr a.contact-link"));
    }

    private static WebDriverWait wait(ChromeDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60), Browser.POLL);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }
}
