package io.eventos.analytics.service;

import io.eventos.platform.text.Table;
import io.eventos.platform.text.TableFiles;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The small rules of the dashboards: periods, changes, percentages, UTM tags, report files. */
class DashboardFiguresTest {

    @Test
    void aPeriodAndThePeriodBeforeItHaveTheSameLength() {
        Period week = Period.last(7, LocalDate.of(2026, 3, 31));
        assertThat(week).isEqualTo(new Period(LocalDate.of(2026, 3, 25), LocalDate.of(2026, 3, 31)));
        assertThat(week.previous()).isEqualTo(new Period(LocalDate.of(2026, 3, 18), LocalDate.of(2026, 3, 24)));
        assertThat(week.previous().days()).isEqualTo(7);
        assertThatThrownBy(() -> new Period(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 1)))
                .hasMessage("The end date is before the start date.");
        assertThatThrownBy(() -> new Period(LocalDate.of(2020, 1, 1), LocalDate.of(2026, 1, 1)))
                .hasMessageContaining("at most 731 days");
    }

    @Test
    void aChangeSaysHowMuchAndWhichWay() {
        assertThat(new Change(120, 100).label()).isEqualTo("+20%");
        assertThat(new Change(95, 100).label()).isEqualTo("\u22125%");
        assertThat(new Change(5, 0).label()).isEqualTo("new");
        assertThat(new Change(0, 0).label()).isEqualTo("±0%");
        assertThat(new Change(120, 100).up()).isTrue();
        assertThat(new Change(95, 100).down()).isTrue();
    }

    @Test
    void theAverageOrderIsPerCurrencyAndRatesAreShortPercentages() {
        CurrencyFigures eur = new CurrencyFigures("EUR", new Change(10_000, 3_000), new Change(0, 0),
                new Change(3, 1));
        assertThat(eur.averageOrderMinor()).isEqualTo(3_333);
        assertThat(eur.averageOrderText()).isEqualTo("€33.33");
        assertThat(eur.averageOrder().label()).isEqualTo("+11%");
        assertThat(AccountDashboard.percent(1, 3)).isEqualTo("33%");
        assertThat(AccountDashboard.percent(1, 200)).isEqualTo("0.5%");
        assertThat(AccountDashboard.percent(1, 0)).isEqualTo("–");
        assertThat(io.eventos.platform.text.MoneyText.format(150_000, "JPY")).isEqualTo("JP¥150,000");
    }

    @Test
    void utmTagsAreKeptOnlyAsShortWords() {
        assertThat(PageViews.utm(" Newsletter ")).isEqualTo("newsletter");
        assertThat(PageViews.utm("spring sale")).isEqualTo("spring-sale");
        assertThat(PageViews.utm("ada@example.org")).isNull(); // not a word: an address is never kept
        assertThat(PageViews.utm("<script>")).isNull();
        assertThat(PageViews.utm("x".repeat(41))).isNull();
        assertThat(PageViews.utm(null)).isNull();
    }

    @Test
    void reportFilesHoldTheTableCellForCell() throws Exception {
        Table table = new Table("Revenue by day", List.of("day", "event", "tickets", "revenue"), List.of(
                Arrays.asList(LocalDate.of(2026, 3, 1), "=HYPERLINK(\"x\")", 3L, new BigDecimal("75.00")),
                Arrays.asList(LocalDate.of(2026, 3, 2), "Jazz, \"live\"", 1L, new BigDecimal("25.50"))));
        String csv = new String(TableFiles.csv(table), StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("\uFEFFday,event,tickets,revenue\r\n"
                + "2026-03-01,\"'=HYPERLINK(\"\"x\"\")\",3,75.00\r\n"
                + "2026-03-02,\"Jazz, \"\"live\"\"\",1,25.50\r\n");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableFiles.xlsx(table, out);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            var sheet = book.getSheet("Revenue by day");
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("revenue");
            assertThat(sheet.getRow(1).getCell(0).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2026, 3, 1));
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).as("text, never a formula")
                    .isEqualTo("=HYPERLINK(\"x\")");
            assertThat(sheet.getRow(1).getCell(1).getCellType().name()).isEqualTo("STRING");
            assertThat(sheet.getRow(2).getCell(2).getNumericCellValue()).isEqualTo(1.0);
            assertThat(sheet.getRow(2).getCell(3).getNumericCellValue()).isEqualTo(25.5);
        }
    }
}
