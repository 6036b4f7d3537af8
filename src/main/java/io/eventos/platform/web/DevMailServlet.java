package io.eventos.platform.web;

import io.eventos.platform.mail.ConfiguredMailer;
import io.eventos.platform.mail.DevOutbox;
import io.eventos.platform.mail.MailMessage;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /dev/mail}: the development outbox (see {@link DevMailAccess} for who may see it; everyone else gets 404).
 * The list and one message are the view {@code /dev/mail.xhtml} ({@link DevMailPage}); this servlet gives the view
 * its address and serves downloads: {@code /dev/mail/{id}/attachments/{n}} and the HTML body as a file,
 * {@code /dev/mail/{id}/html}. Downloads are always {@code application/octet-stream} and {@code attachment}, so an
 * HTML file in a mail can never run as a page of this site.
 */
@WebServlet(urlPatterns = {"/dev/mail", "/dev/mail/*"})
public class DevMailServlet extends HttpServlet {

    private static final Pattern DOWNLOAD = Pattern.compile("^/(\\d{1,18})/(?:attachments/(\\d{1,4})|(html))$");

    @Inject
    ConfiguredMailer mailer;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        Optional<DevOutbox> outbox = DevMailAccess.outbox(mailer, request);
        if (outbox.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String path = request.getPathInfo();
        if (path == null || path.equals("/")) {
            request.getRequestDispatcher("/dev/mail.xhtml").forward(request, response);
            return;
        }
        Matcher matcher = DOWNLOAD.matcher(path);
        Optional<DevOutbox.Mail> mail = matcher.matches()
                ? outbox.get().find(Long.parseLong(matcher.group(1))) : Optional.empty();
        if (mail.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        MailMessage message = mail.get().message();
        if (matcher.group(3) != null) {
            if (message.html() == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            download(response, "mail-" + mail.get().id() + ".html", message.html().getBytes(StandardCharsets.UTF_8));
            return;
        }
        int index = Integer.parseInt(matcher.group(2));
        List<MailMessage.Attachment> attachments = message.attachments();
        if (index >= attachments.size()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        MailMessage.Attachment attachment = attachments.get(index);
        download(response, attachment.fileName(), attachment.content());
    }

    private static void download(HttpServletResponse response, String fileName, byte[] content) throws IOException {
        String name = fileName == null || fileName.isBlank() ? "attachment" : fileName;
        String ascii = name.replaceAll("[^A-Za-z0-9._-]", "_");
        response.setContentType("application/octet-stream");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(content.length);
        response.getOutputStream().write(content);
    }
}
