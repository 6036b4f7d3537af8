package io.eventos.crm.web.organizer;

import io.eventos.crm.service.ContactFieldService;
import io.eventos.crm.service.ContactFilter;
import io.eventos.crm.service.ContactFilters;
import io.eventos.platform.input.InputRefusedException;
import io.eventos.crm.service.ContactService;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.text.Table;
import io.eventos.platform.web.Ids;
import io.eventos.platform.web.TableDownload;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;

/**
 * {@code /app/export/contacts.csv?text=&tag=&bought=&attended=&consent=&owner=&not_attended=&attended_at_least=&buyer=}
 * {@code &abandoned=&spent_currency=&spent_at_least=&ticket_type=&custom_field=&custom_op=&custom_value=}
 * and the same as {@code contacts.xlsx}: the contact list as filtered (or a segment's rules), as CSV or XLSX, written
 * by {@link TableDownload} like the reports' files. Behind the organizer filter (signed in, tenant bound); the service
 * checks DATA_EXPORT; refused is a 404.
 */
@WebServlet(urlPatterns = {"/app/export/contacts.csv", "/app/export/contacts.xlsx"})
public class ContactsExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ContactService contacts;
    @Inject
    transient ContactFieldService fields;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Table table;
        try {
            ContactFilter base = new ContactFilter(request.getParameter("text"), request.getParameter("tag"),
                    Ids.parse(request.getParameter("bought")), Ids.parse(request.getParameter("attended")),
                    request.getParameter("consent"), Ids.parse(request.getParameter("owner")),
                    Ids.parse(request.getParameter("not_attended")),
                    number(request.getParameter("attended_at_least")), request.getParameter("buyer"));
            String customField = request.getParameter("custom_field");
            table = contacts.export(ContactFilters.withSales(base, request.getParameter("abandoned"),
                    request.getParameter("spent_currency"), request.getParameter("spent_at_least"),
                    request.getParameter("ticket_type"),
                    customField == null || customField.isBlank() ? List.of() : fields.list(), customField,
                    request.getParameter("custom_op"), request.getParameter("custom_value")));
        } catch (AccessDeniedException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        } catch (InputRefusedException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
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
