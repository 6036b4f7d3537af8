package io.eventos.analytics.web.organizer;

import io.eventos.testing.Browser;
import io.eventos.testing.BrowserTest;
import io.eventos.analytics.service.DashboardsIT;
import io.eventos.testing.DemoLogin;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organizer's dashboards and reports in a real browser, on the demo account: the account dashboard's figures,
 * charts (PrimeFaces' Chart.js under the page's Content-Security-Policy) and period, an event's dashboard reached from
 * the upcoming events, and the reports page whose CSV and XLSX files hold the rows it shows.
 */
class DashboardsJourneyIT extends BrowserTest {

    @Test
    void theOwnerSeesFiguresChartsAndTheEventsDashboard() {
        signInAs(browser, DemoLogin.OWNER);
        browser.get(base + "/app/?days=90");
        assertThat(browser.findElement(By.id("period-90")).getAttribute("class")).contains("active");
        long orders = Long.parseLong(browser.findElement(By.id("orders-paid")).getText());
        long tickets = Long.parseLong(browser.findElement(By.id("tickets-sold")).getText());
        assertThat(orders).as("the demo's paid orders of the last 90 days").isGreaterThan(20);
        assertThat(tickets).isGreaterThanOrEqualTo(orders);
        assertThat(browser.findElements(By.cssSelector("#card-revenue a.revenue")).stream().map(WebElement::getText)
                .collect(Collectors.joining(" "))).as("money per currency").contains("€").contains("US$");
        assertThat(Long.parseLong(browser.findElement(By.id("funnel-views")).getText())).isGreaterThan(0);
        assertThat(Long.parseLong(browser.findElement(By.id("funnel-checkouts")).getText())).isGreaterThanOrEqualTo(orders);
        for (String chart : List.of("sales-chart", "event-chart", "ticket-chart")) {
            WebElement canvas = browser.findElement(By.cssSelector("#" + chart + " canvas"));
            assertThat(browser.executeScript("return typeof Chart !== 'undefined' && !!Chart.getChart(arguments[0])",
                    canvas)).as(chart + " drawn by Chart.js").isEqualTo(true);
        }
        assertThat(browser.findElement(By.id("upcoming-events")).getText()).contains("Nordic Product Summit")
                .doesNotContain("Autumn Gala"); // cancelled: not upcoming
        assertThat(browser.findElements(By.cssSelector("#upcoming-events progress"))).isNotEmpty();
        Browser.screenshot(browser, "dashboard-account");

        Browser.clickToNavigate(browser, browser.findElement(By.id("period-7")));
        assertThat(browser.getCurrentUrl()).contains("days=7");
        assertThat(Long.parseLong(browser.findElement(By.id("orders-paid")).getText())).isLessThanOrEqualTo(orders);

        browser.get(base + "/app/?from=2026-13-01&to=2026-01-01");
        assertThat(browser.findElement(By.id("period-from-problem")).getText()).isEqualTo("Enter a date as YYYY-MM-DD.");
        assertThat(browser.findElement(By.id("orders-paid")).getText()).as("the last 30 days instead").isNotEmpty();

        browser.get(base + "/app/?days=90");
        Browser.clickToNavigate(browser, browser.findElements(By.cssSelector("#upcoming-events a.upcoming-name"))
                .stream().filter(a -> a.getText().equals("Nordic Product Summit")).findFirst().orElseThrow());
        assertThat(browser.findElement(By.id("event-name")).getText()).isEqualTo("Nordic Product Summit");
        assertThat(browser.findElements(By.cssSelector("#ticket-types tbody tr")).size()).isGreaterThanOrEqualTo(3);
        assertThat(browser.findElement(By.id("referrers")).getText()).contains("google.com");
        assertThat(browser.findElement(By.id("campaigns")).getText()).contains("newsletter / email / autumn-programme");
        assertThat(browser.findElement(By.id("promo-codes")).getText()).contains("NORDIC10");
        assertThat(browser.executeScript("return !!Chart.getChart(arguments[0])",
                browser.findElement(By.cssSelector("#sales-curve canvas")))).isEqualTo(true);
        Browser.screenshot(browser, "dashboard-event");
    }

    @Test
    void theReportsFilesHoldTheRowsThePageShows() throws Exception {
        signInAs(browser, DemoLogin.ADMIN);
        browser.get(base + "/app/");
        Browser.submit(browser, By.id("nav-reports"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Reports");
        browser.get(browser.getCurrentUrl().replaceFirst("\\?.*$", "") + "?from=" + java.time.LocalDate.now().minusDays(90)
                + "&to=" + java.time.LocalDate.now().minusDays(1)); // today's row changes as the suite sells (rollups every 30 s)
        List<List<String>> shown = new ArrayList<>();
        for (WebElement row : browser.findElements(By.cssSelector("#by-day table tbody tr"))) {
            shown.add(row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList());
        }
        assertThat(shown).as("revenue by day of the demo").hasSizeGreaterThan(5);
        Browser.screenshot(browser, "reports");

        String csvLink = browser.findElement(By.cssSelector("#by-day a.export-csv")).getAttribute("href");
        HttpResponse<byte[]> csv = download(csvLink);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<List<String>> rows = DashboardsIT.parseCsv(new String(csv.body(), StandardCharsets.UTF_8));
        assertThat(rows.get(0)).startsWith("day", "currency", "orders paid");
        assertThat(rows.subList(1, rows.size())).isEqualTo(shown);

        HttpResponse<byte[]> xlsx = download(browser.findElement(By.cssSelector("#by-day a.export-xlsx"))
                .getAttribute("href"));
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(shown.size());
            DataFormatter text = new DataFormatter();
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                assertThat(row.getCell(0).getLocalDateTimeCellValue().toLocalDate().toString())
                        .isEqualTo(shown.get(r - 1).get(0));
                assertThat(text.formatCellValue(row.getCell(1))).isEqualTo(shown.get(r - 1).get(1));
                assertThat((long) row.getCell(2).getNumericCellValue()).isEqualTo(Long.parseLong(shown.get(r - 1).get(2)));
                assertThat(new java.math.BigDecimal(shown.get(r - 1).get(4)).doubleValue())
                        .isEqualTo(row.getCell(4).getNumericCellValue());
            }
        }
        HttpResponse<byte[]> attendees = download(browser.findElement(By.id("export-attendees-xlsx")).getAttribute("href"));
        assertThat(attendees.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(attendees.body()))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("order");
            assertThat(book.getSheetAt(0).getLastRowNum()).isGreaterThan(10);
        }
    }

    @Test
    void aViewerSeesTheFiguresButNoFiles() {
        signInAs(browser, DemoLogin.VIEWER);
        browser.get(base + "/app/reports.xhtml");
        assertThat(browser.findElements(By.cssSelector("#by-day table tbody tr"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("a.export-csv"))).isEmpty();
        assertThat(browser.findElements(By.id("list-exports"))).isEmpty();
    }

    private HttpResponse<byte[]> download(String url) throws Exception {
        String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies)
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
