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
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /app/export/contacts.csv?text=&tag=&bought=&attended=&consent=&owner=&not_attended=&attended_at_least=&buyer=}
 * {@code &abandoned=&spent_currency=&spent_at_least=&ticket_type=&custom_field=&custom_op=&custom_value=} (the last
 * three once per custom field condition, in the same order)
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
            List<ContactFilters.TypedCondition> customs = customs(request);
            table = contacts.export(ContactFilters.withSales(base, request.getParameter("abandoned"),
                    request.getParameter("spent_currency"), request.getParameter("spent_at_least"),
                    request.getParameter("ticket_type"), customs.isEmpty() ? List.of() : fields.list(), customs));
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

    /** The custom field conditions: {@code custom_field}, {@code custom_op}, {@code custom_value} once each. */
    private static List<ContactFilters.TypedCondition> customs(HttpServletRequest request) {
        String[] keys = values(request, "custom_field");
        String[] operators = values(request, "custom_op");
        String[] typed = values(request, "custom_value");
        List<ContactFilters.TypedCondition> customs = new ArrayList<>();
        for (int i = 0; i < keys.length && i <= ContactFilter.MAX_CUSTOM_CONDITIONS; i++) {
            if (!keys[i].isBlank()) {
                customs.add(new ContactFilters.TypedCondition(keys[i], i < operators.length ? operators[i] : null,
                        i < typed.length ? typed[i] : null));
            }
        }
        return customs;
    }

    private static String[] values(HttpServletRequest request, String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? new String[0] : values;
    }

    private static Integer number(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
