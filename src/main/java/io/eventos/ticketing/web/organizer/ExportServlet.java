package io.eventos.ticketing.web.organizer;

import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.web.Ids;
import io.eventos.ticketing.service.OrderService;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * {@code /app/export/orders.csv?event=…} and {@code /app/export/attendees.csv?event=…}: the organizer's exports.
 * Behind the organizer filter (signed in, tenant bound); the service checks the export permission and the
 * event's scope; anything else is a 404.
 */
@WebServlet(urlPatterns = {"/app/export/orders.csv", "/app/export/attendees.csv"})
public class ExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient OrderService orders;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean tickets = request.getServletPath().endsWith("attendees.csv");
        String csv;
        UUID event = Ids.parse(request.getParameter("event"));
        if (event == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND); // a malformed id is an unknown one
            return;
        }
        try {
            csv = orders.exportCsv(event, tickets);
        } catch (AccessDeniedException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + (tickets ? "attendees" : "orders")
                + ".csv\"");
        response.setHeader("Cache-Control", "no-store");
        byte[] bytes = ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8); // the BOM makes Excel read UTF-8
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
