package io.eventos.checkin.web.kiosk;

import io.eventos.platform.web.Ids;
import io.eventos.checkin.service.DoorService;
import io.eventos.checkin.service.OfflineList;
import io.eventos.checkin.service.OfflineTicket;
import io.eventos.checkin.service.ScanAnswer;
import io.eventos.checkin.service.ScanRequest;
import io.eventos.platform.security.AccessDeniedException;
import io.eventos.platform.tenancy.CurrentTenant;
import jakarta.inject.Inject;
import io.eventos.platform.text.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The kiosk's offline mode (resources/js/kiosk.js keeps the list in IndexedDB and the scans it made offline in a queue):
 * <ul>
 *   <li>{@code GET /checkin/offline/list?event=&list=}: the tickets the list admits, each as the SHA-256 of its code
 *   with the holder's name, ticket type and whether inside ({@link DoorService#offlineList}).</li>
 *   <li>{@code POST /checkin/offline/upload?event=&list=} (JSON array of {@code {code, nonce, scannedAt, gate}}): each
 *   scan is recorded as of when it was made, through the same {@link DoorService#scan} as an online one (so a retry of
 *   the upload changes nothing: same nonces); the answers come back. A ticket admitted twice while doors were offline
 *   is answered "already checked in" — a conflict, which the organizer's check-in page lists.</li>
 * </ul>
 * Only for the door (a signed-in person or a kiosk device: the filters on {@code /checkin/*} bound an account). The
 * upload changes data, so it is refused unless the browser says it is a same-origin request with a JSON body (a form
 * on another site can send neither).
 */
@WebServlet("/checkin/offline/*")
public class OfflineScansServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final int MAX_UPLOAD_BYTES = 2_000_000;
    static final int MAX_SCANS = 5_000;

    @Inject
    transient DoorService door;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        UUID event = Ids.parse(request.getParameter("event"));
        UUID list = Ids.parse(request.getParameter("list"));
        if (!"/list".equals(request.getPathInfo()) || CurrentTenant.get().isEmpty() || event == null || list == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        OfflineList offline;
        try {
            offline = door.offlineList(event, list);
        } catch (AccessDeniedException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        try (JsonGenerator json = Json.createGenerator(response.getOutputStream())) {
            json.writeStartObject()
                    .write("event", offline.eventId().toString())
                    .write("list", offline.listId().toString())
                    .write("listName", offline.listName())
                    .write("mode", offline.mode())
                    .write("madeAt", offline.madeAt().toString());
            if (offline.activeFrom() != null) {
                json.write("activeFrom", offline.activeFrom().toEpochMilli());
            }
            if (offline.activeUntil() != null) {
                json.write("activeUntil", offline.activeUntil().toEpochMilli());
            }
            json.writeStartObject("tickets");
            for (OfflineTicket ticket : offline.tickets()) {
                json.writeStartArray(ticket.codeHash()).write(ticket.name()).write(ticket.ticketType())
                        .write(ticket.inside()).writeEnd();
            }
            json.writeEnd().writeEnd();
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        UUID event = Ids.parse(request.getParameter("event"));
        UUID list = Ids.parse(request.getParameter("list"));
        if (!"/upload".equals(request.getPathInfo()) || event == null || list == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String contentType = String.valueOf(request.getContentType());
        String site = request.getHeader("Sec-Fetch-Site");
        if (CurrentTenant.get().isEmpty() || !contentType.startsWith("application/json")
                || (site != null && !"same-origin".equals(site))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_UPLOAD_BYTES + 1);
        }
        if (body.length > MAX_UPLOAD_BYTES) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        JsonArray scans;
        try (var reader = Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
            scans = reader.readArray();
        } catch (RuntimeException notJson) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        if (scans.size() > MAX_SCANS) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        try (JsonGenerator json = Json.createGenerator(response.getOutputStream())) {
            json.writeStartArray();
            for (JsonValue value : scans) {
                if (!(value instanceof JsonObject scan)) {
                    continue;
                }
                String nonce = scan.getString("nonce", null);
                json.writeStartObject().write("nonce", String.valueOf(nonce));
                try {
                    Instant at = Instant.ofEpochMilli(scan.getJsonNumber("scannedAt").longValue());
                    ScanAnswer answer = door.scan(event, list, ScanRequest.madeOffline(scan.getString("code", ""),
                            nonce, scan.getString("gate", null), at));
                    json.write("result", answer.result());
                    if (answer.refusalHeadline() != null) {
                        json.write("reason", answer.refusalHeadline());
                    }
                } catch (AccessDeniedException denied) {
                    json.write("result", "denied");
                } catch (RuntimeException malformed) {
                    json.write("result", "malformed");
                }
                json.writeEnd();
            }
            json.writeEnd();
        } catch (AccessDeniedException denied) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        }
    }
}
