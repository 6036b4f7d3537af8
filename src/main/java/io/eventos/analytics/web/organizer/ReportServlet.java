package io.eventos.analytics.web.organizer;

import io.eventos.analytics.service.Period;
import io.eventos.analytics.service.PeriodInput;
import io.eventos.analytics.service.Reports;
import io.eventos.platform.text.Table;
import io.eventos.platform.web.Ids;
import io.eventos.platform.web.TableDownload;
import io.eventos.platform.security.AccessDeniedException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /app/reports/<name>.csv} and {@code .xlsx} with {@code ?from=&to=} (days, the last 30 if none) and
 * optionally {@code &event=}: a report as a file. Behind the organizer filter (signed in, tenant bound); the service
 * checks DATA_EXPORT and the event's scope; an unknown report or event is 404, an unreadable period 400.
 */
@WebServlet(urlPatterns = "/app/reports/*")
public class ReportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern FILE = Pattern.compile("^/([a-z-]+)\\.(csv|xlsx)$");

    @Inject
    transient Reports reports;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher file = FILE.matcher(String.valueOf(request.getPathInfo()));
        Reports.Kind kind = file.matches() ? Reports.Kind.of(file.group(1)).orElse(null) : null;
        if (kind == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try {
            reports.mayExport(); // a member who may not export gets "not found" whatever else is wrong
        } catch (AccessDeniedException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Period period;
        UUID event;
        event = Ids.parse(request.getParameter("event"));
        if (event == null && !blank(request.getParameter("event"))) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND); // a malformed id is an unknown one
            return;
        }
        Table table;
        String from = request.getParameter("from");
        String to = request.getParameter("to");
        period = Period.last(30, reports.today());
        if (!PeriodInput.absent(from, to)) {
            PeriodInput typed = PeriodInput.read(from, to, period);
            if (!typed.valid()) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST, "The period is not two dates as YYYY-MM-DD.");
                return;
            }
            period = typed.period();
        }
        try {
            table = reports.export(kind, period, event);
        } catch (AccessDeniedException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String name = kind.file + "-" + period.from() + "-" + period.to() + "." + file.group(2);
        TableDownload.send(response, table, name);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
