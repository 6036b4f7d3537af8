package io.eventos.crm.web.organizer;

import io.eventos.crm.service.ContactFilter;
import io.eventos.crm.service.ContactService;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.text.Table;
import io.eventos.platform.web.TableDownload;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * {@code /app/export/contacts.csv?text=&tag=&bought=&attended=&consent=&owner=&not_attended=&attended_at_least=&buyer=}
 * and the same as {@code contacts.xlsx}: the contact list as filtered (or a segment's rules), as CSV or XLSX, written
 * by {@link TableDownload} like the reports' files. Behind the organizer filter (signed in, tenant bound); the service
 * checks DATA_EXPORT; refused is a 404.
 */
@WebServlet(urlPatterns = {"/app/export/contacts.csv", "/app/export/contacts.xlsx"})
public class ContactsExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ContactService contacts;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Table table;
        try {
            table = contacts.export(new ContactFilter(request.getParameter("text"), request.getParameter("tag"),
                    ContactsPage.uuid(request.getParameter("bought")), ContactsPage.uuid(request.getParameter("attended")),
                    request.getParameter("consent"), ContactsPage.uuid(request.getParameter("owner")),
                    ContactsPage.uuid(request.getParameter("not_attended")),
                    number(request.getParameter("attended_at_least")), request.getParameter("buyer")));
        } catch (AccessDeniedException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        TableDownload.send(response, table, request.getServletPath().endsWith(".xlsx") ? "contacts.xlsx"
                : "contacts.csv");
    }

    private static Integer number(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
