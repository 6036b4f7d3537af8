package io.eventos.platform.text;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Writes a {@link Table} (a report, a list of contacts) as CSV (UTF-8 with a byte order mark so that Excel reads it as UTF-8; cells a spreadsheet
 * would run as formulas defused, {@link Csv}) or as XLSX (Apache POI's streaming writer: at most 100 rows in memory;
 * text is always a text cell, never a formula; counts and money are numbers, days are dates).
 */
public final class TableFiles {

    private TableFiles() {
    }

    public static byte[] csv(Table table) {
        StringBuilder out = new StringBuilder("\uFEFF");
        Csv.row(out, table.headers().toArray(String[]::new));
        for (var row : table.rows()) {
            Csv.row(out, row.stream().map(Table::text).toArray(String[]::new));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static void xlsx(Table table, OutputStream out) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
            SXSSFSheet sheet = book.createSheet(table.name());
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle money = book.createCellStyle();
            money.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("#,##0.00"));
            Row head = sheet.createRow(0);
            for (int c = 0; c < table.headers().size(); c++) {
                Cell cell = head.createCell(c);
                cell.setCellValue(table.headers().get(c));
                cell.setCellStyle(bold);
            }
            int r = 1;
            for (var values : table.rows()) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    if (v == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (v instanceof Long || v instanceof Integer) {
                        cell.setCellValue(((Number) v).doubleValue());
                    } else if (v instanceof BigDecimal d) {
                        cell.setCellValue(d.doubleValue());
                        cell.setCellStyle(money);
                    } else if (v instanceof LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(date);
                    } else {
                        cell.setCellValue(v.toString());
                    }
                }
            }
            sheet.createFreezePane(0, 1);
            book.write(out);
            book.dispose();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
