package io.eventos.crm.web.organizer;

import io.eventos.crm.service.ContactPrivacyService;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.web.Ids;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * {@code /app/export/person.json?id=} and {@code /app/export/person.csv?id=}: everything the account holds about one
 * contact (GDPR access request), as JSON or the same facts as CSV. Behind the organizer filter (signed in, tenant
 * bound); the service checks CONTACTS_ERASE; refused or unknown is a 404.
 */
@WebServlet(urlPatterns = {"/app/export/person.json", "/app/export/person.csv"})
public class ContactDataServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ContactPrivacyService privacy;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        UUID id = Ids.parse(request.getParameter("id"));
        boolean json = request.getServletPath().endsWith(".json");
        String body;
        try {
            if (id == null) {
                throw new AccessDeniedException("No such contact.");
            }
            body = json ? privacy.exportJson(id) : "\uFEFF" + privacy.exportCsv(id); // the BOM: Excel reads UTF-8
        } catch (AccessDeniedException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(json ? "application/json; charset=UTF-8" : "text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"person-" + id + (json ? ".json\"" : ".csv\""));
        response.setHeader("Cache-Control", "no-store");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
