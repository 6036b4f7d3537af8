package io.eventos.analytics.service;

import io.eventos.platform.text.Table;
import io.eventos.platform.text.TableFiles;
import io.eventos.checkin.service.CheckInFixtures;
import io.eventos.checkin.service.DoorService;
import io.eventos.checkin.service.ScanRequest;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.ticketing.service.Cart;
import io.eventos.ticketing.service.CheckoutService;
import io.eventos.ticketing.service.EventOnSaleIT;
import io.eventos.ticketing.service.OrderDetail;
import io.eventos.ticketing.service.OrderService;
import io.eventos.ticketing.service.PlacedOrder;
import jakarta.inject.Inject;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboards read rollups (V23) that a background refresh keeps; these tests refresh explicitly (what the
 * 30-second round does) and compare every figure with the same figure computed straight from the orders, payments,
 * holds and attendees. In the container against the real PostgreSQL, as the application role.
 */
public class DashboardsIT extends EventOnSaleIT {

    /** Far from UTC, so that a day of the account is not a UTC day. */
    private static final String ZONE = "Pacific/Auckland";

    @Inject
    CheckoutService checkout;
    @Inject
    OrderService orders;
    @Inject
    Dashboards dashboards;
    @Inject
    Reports reports;
    @Inject
    Rollups rollups;
    @Inject
    DashboardFixtures direct;
    @Inject
    DoorService door;
    @Inject
    CheckInFixtures checkIns;

    private UUID regular;
    private UUID vip;

    @BeforeEach
    void ticketTypesOnSale() {
        try (var t = CurrentTenant.bind(account)) {
            regular = fixtures.ticketType(event, "Regular", 2500, 100, null);
            vip = fixtures.ticketType(event, "VIP", 9000, 10, null);
            direct.timeZone(ZONE);
        }
    }

    @Test
    void theAccountDashboardShowsWhatTheOrdersSay() {
        PlacedOrder first = buy(Map.of(regular, 2), "test_card");
        buy(Map.of(regular, 1, vip, 1), "test_card");
        buy(Map.of(vip, 3), "test_card");
        buy(Map.of(regular, 4), "offline"); // pending: not revenue
        as(() -> checkout.reserve(new Cart(event, Map.of(regular, 1), null))); // a checkout left unfinished
        OrderDetail detail = as(() -> orders.detail(first.orderId()));
        as(() -> orders.refund(first.orderId(), Set.of(detail.attendees().get(0).id()), BASE));
        rollups.refresh(account);

        LocalDate today = LocalDate.now(ZoneId.of(ZONE));
        AccountDashboard shown = as(() -> dashboards.account(Period.last(7, today)));
        Map<String, Long> expected = as(() -> direct.figures(today.minusDays(6).atStartOfDay(ZoneId.of(ZONE))
                .toInstant(), today.plusDays(1).atStartOfDay(ZoneId.of(ZONE)).toInstant()));

        assertEquals(expected.get("orders"), shown.orders().now(), "orders paid");
        assertEquals(expected.get("tickets"), shown.tickets().now(), "tickets in them");
        assertEquals(expected.get("checkouts"), shown.checkouts().now(), "checkouts started");
        assertEquals(1, shown.money().size(), "one currency");
        CurrencyFigures eur = shown.money().get(0);
        assertEquals("EUR", eur.currency());
        assertEquals(expected.get("revenue"), eur.revenue().now());
        assertEquals(expected.get("refunds"), eur.refunds().now());
        assertEquals(Math.round((double) expected.get("revenue") / expected.get("orders")), eur.averageOrderMinor());
        assertTrue(expected.get("orders") > 0 && expected.get("refunds") > 0, "the test sold and refunded something");
        assertEquals(0, shown.orders().before(), "nothing the week before");
        assertEquals(expected.get("tickets"), shown.days().stream().mapToLong(AccountDashboard.Day::tickets).sum(),
                "the daily series adds up");

        AccountDashboard.Upcoming upcoming = shown.upcoming().stream().filter(u -> u.id().equals(event))
                .findFirst().orElseThrow();
        assertEquals(as(() -> direct.validTickets(event)), upcoming.sold(), "sold: the valid tickets of paid orders");
        assertEquals(110L, upcoming.capacity(), "the ticket types' quantities");

        EventDashboard one = as(() -> dashboards.event(event));
        Map<String, Long> byType = new LinkedHashMap<>();
        one.ticketTypes().forEach(t -> byType.put(t.name(), t.ticketsPaid()));
        assertEquals(as(() -> direct.ticketsPaidByType(event)), byType, "the ticket type breakdown");
        assertEquals(as(() -> direct.validTickets(event)), one.sold());
        assertEquals(expected.get("orders"), one.orders());
    }

    @Test
    void aNewOrderShowsUpAfterTheRefresh() {
        buy(Map.of(regular, 1), "test_card");
        rollups.refresh(account);
        LocalDate today = LocalDate.now(ZoneId.of(ZONE));
        AccountDashboard before = as(() -> dashboards.account(Period.last(7, today)));

        buy(Map.of(vip, 2), "test_card");

        rollups.refresh(account);
        AccountDashboard after = as(() -> dashboards.account(Period.last(7, today)));
        assertEquals(before.orders().now() + 1, after.orders().now());
        assertEquals(before.tickets().now() + 2, after.tickets().now());
        assertEquals(before.money().get(0).revenue().now() + 18_000, after.money().get(0).revenue().now());
        assertEquals(as(() -> direct.figures(today.minusDays(6).atStartOfDay(ZoneId.of(ZONE)).toInstant(),
                today.plusDays(1).atStartOfDay(ZoneId.of(ZONE)).toInstant())).get("revenue"),
                after.money().get(0).revenue().now());
    }

    @Test
    void checkInsMakeTheCheckInRateAndCurve() {
        PlacedOrder order = buy(Map.of(regular, 3), "test_card");
        as(() -> {
            direct.startNow(event);
            return null;
        });
        List<String> codes = as(() -> checkIns.codes(order.orderId()));
        UUID list = as(() -> checkIns.defaultList(event));
        as(() -> door.scan(event, list, ScanRequest.of(codes.get(0), UUID.randomUUID().toString(), false, "Main")));
        as(() -> door.scan(event, list, ScanRequest.of(codes.get(1), UUID.randomUUID().toString(), false, "Main")));
        rollups.refresh(account);

        LocalDate today = LocalDate.now(ZoneId.of(ZONE));
        AccountDashboard shown = as(() -> dashboards.account(Period.last(7, today)));
        assertEquals(2, shown.admitted());
        assertEquals(as(() -> direct.validTickets(event)), shown.admissible());
        EventDashboard one = as(() -> dashboards.event(event));
        assertEquals(2, one.admitted());
        assertEquals(2, one.checkIns().get(one.checkIns().size() - 1).cumulative());
    }

    @Test
    void exportsOpenAndHoldWhatThePageShows() throws Exception {
        buy(Map.of(regular, 2), "test_card");
        buy(Map.of(vip, 1), "test_card");
        rollups.refresh(account);
        Period period = Period.last(7, LocalDate.now(ZoneId.of(ZONE)));

        for (Reports.Kind kind : List.of(Reports.Kind.REVENUE, Reports.Kind.TICKET_TYPES, Reports.Kind.EVENTS)) {
            Table screen = as(() -> reports.figures(kind, period, null));
            Table file = as(() -> reports.export(kind, period, null));
            assertTrue(!screen.rows().isEmpty(), kind + " has rows");
            List<List<String>> shown = texts(screen);

            List<List<String>> csv = parseCsv(new String(TableFiles.csv(file), StandardCharsets.UTF_8));
            assertEquals(screen.headers(), csv.get(0), kind + " CSV header");
            assertEquals(shown, csv.subList(1, csv.size()), kind + " CSV rows");

            ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
            TableFiles.xlsx(file, xlsx);
            assertEquals(shown, readXlsx(xlsx.toByteArray(), screen.headers()), kind + " XLSX rows");
        }
        Table revenue = as(() -> reports.figures(Reports.Kind.REVENUE, period, null));
        long tickets = revenue.rows().stream().mapToLong(r -> (Long) r.get(3)).sum();
        assertEquals(3, tickets);
        BigDecimal money = revenue.rows().stream().map(r -> (BigDecimal) r.get(4)).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        assertEquals(new BigDecimal("140.00"), money);

        Table orderList = as(() -> reports.export(Reports.Kind.ORDERS, period, null));
        assertEquals(2, orderList.rows().size());
        Table attendeeList = as(() -> reports.export(Reports.Kind.ATTENDEES, period, event));
        assertEquals(3, attendeeList.rows().size());
    }

    @Test
    void oneAccountNeverSeesAnothersFigures() {
        buy(Map.of(regular, 2), "test_card");
        rollups.refresh(account);
        assertTrue(as(direct::rollupRows) > 0);

        UUID other = UUID.randomUUID();
        UUID otherOwner = UUID.randomUUID();
        try (var t = CurrentTenant.bind(other)) {
            fixtures.accountWithEventOnSale("dash-other-" + other.toString().substring(0, 8), null);
            members.addMember(otherOwner, "owner", null);
        }
        rollups.refresh(other);
        try (var t = CurrentTenant.bind(other); var u = CurrentTenant.bindUser(otherOwner)) {
            assertEquals(0, direct.rollupRows(), "row level security: none of the first account's rows");
            AccountDashboard theirs = dashboards.account(Period.last(7, dashboards.today()));
            assertEquals(0, theirs.orders().now());
            assertTrue(theirs.money().isEmpty());
            assertTrue(theirs.upcoming().stream().noneMatch(u2 -> u2.id().equals(event)));
            assertTrue(reports.export(Reports.Kind.ORDERS, Period.last(7, dashboards.today()), null).rows().isEmpty());
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static List<List<String>> texts(Table table) {
        List<List<String>> out = new ArrayList<>();
        table.rows().forEach(r -> out.add(r.stream().map(Table::text).toList()));
        return out;
    }

    /** RFC 4180, as a spreadsheet reads it (quotes, doubled quotes, CRLF). */
    public static List<List<String>> parseCsv(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r') {
                // part of CRLF
            } else if (c == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        return rows;
    }

    private static List<List<String>> readXlsx(byte[] bytes, List<String> headers) throws Exception {
        List<List<String>> out = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            Row head = sheet.getRow(0);
            for (int c = 0; c < headers.size(); c++) {
                assertEquals(headers.get(c), head.getCell(c).getStringCellValue());
            }
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < headers.size(); c++) {
                    Cell cell = row.getCell(c);
                    if (cell == null) {
                        cells.add("");
                    } else if (cell.getCellType() == CellType.NUMERIC && headers.get(c).equals("day")) {
                        cells.add(cell.getLocalDateTimeCellValue().toLocalDate().toString());
                    } else if (cell.getCellType() == CellType.NUMERIC && "#,##0.00".equals(cell.getCellStyle()
                            .getDataFormatString())) {
                        cells.add(BigDecimal.valueOf(cell.getNumericCellValue()).setScale(2, java.math.RoundingMode.HALF_UP)
                                .toPlainString());
                    } else if (cell.getCellType() == CellType.NUMERIC) {
                        cells.add(String.valueOf((long) cell.getNumericCellValue()));
                    } else {
                        cells.add(formatter.formatCellValue(cell));
                    }
                }
                out.add(cells);
            }
        }
        return out;
    }
}
