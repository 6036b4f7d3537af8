package io.eventos.media.web;

import io.eventos.media.service.MediaContent;
import io.eventos.media.service.MediaLibrary;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.TenantDirectory;
import io.eventos.platform.web.Ids;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code /media/{account}/{id}}: uploaded images (event covers, account logos, speaker photos) for public and
 * organizer pages. The account is resolved from its slug and bound like a public page; the id is random, so nothing can be listed.
 * A media row never changes (a new upload is a new id), so responses are cached for a year and the ETag is the
 * SHA-256 of the bytes; a matching {@code If-None-Match} gets 304 without the bytes. Content types were decided
 * from the bytes at upload (PNG, JPEG, GIF, WebP), and the response may run nothing even if opened on its own.
 */
@WebServlet(urlPatterns = "/media/*")
public class MediaServlet extends HttpServlet {

    private static final Pattern PATH = Pattern.compile("^/([a-z0-9-]{1,63})/([0-9a-f-]{36})$");

    @Inject
    TenantDirectory directory;
    @Inject
    MediaLibrary media;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher matcher = PATH.matcher(String.valueOf(request.getPathInfo()));
        UUID id = matcher.matches() ? Ids.parse(matcher.group(2)) : null;
        Optional<UUID> account = id == null ? Optional.empty() : directory.accountIdBySlug(matcher.group(1));
        if (account.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Optional<MediaContent> found;
        try (var tenant = CurrentTenant.bind(account.get())) {
            found = media.content(id);
        }
        if (found.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        MediaContent content = found.get();
        String etag = "\"" + content.sha256() + "\"";
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; sandbox");
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.trim().equals("*"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(content.contentType());
        response.setContentLengthLong(content.bytes().length);
        response.setHeader("Content-Disposition", "inline");
        response.getOutputStream().write(content.bytes());
    }
}
