package io.eventos.platform.web;

import io.eventos.platform.text.Table;
import io.eventos.platform.text.TableFiles;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Sends a {@link Table} as a download, CSV or XLSX ({@link TableFiles}), never cached: the reports' files and the
 * contact list's.
 */
public final class TableDownload {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private TableDownload() {
    }

    /** {@code fileName} ends with {@code .xlsx} for a spreadsheet, anything else is CSV. */
    public static void send(HttpServletResponse response, Table table, String fileName) throws IOException {
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        response.setHeader("Cache-Control", "no-store");
        if (fileName.endsWith(".xlsx")) {
            response.setContentType(XLSX);
            TableFiles.xlsx(table, response.getOutputStream());
        } else {
            byte[] bytes = TableFiles.csv(table);
            response.setContentType("text/csv; charset=UTF-8");
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }
}
