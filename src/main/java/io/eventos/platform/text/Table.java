package io.eventos.platform.text;

import java.util.List;

/**
 * A report or a list as rows: what a page shows and what its CSV and XLSX files hold, cell for cell
 * ({@link TableFiles}; the reports, the contact list). A cell is a String, a Long (a count), a
 * {@link java.math.BigDecimal} (money in its currency's units), a {@link java.time.LocalDate} or null.
 */
public record Table(String name, List<String> headers, List<List<Object>> rows) {

    /** A cell as text, the way the page and the CSV write it. */
    public static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof java.math.BigDecimal d) {
            return d.toPlainString();
        }
        return cell.toString();
    }
}
