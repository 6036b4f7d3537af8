package io.eventos.event.web.organizer;

import io.eventos.event.service.MediaService;
import io.eventos.event.service.StoredImage;
import io.eventos.platform.security.AccessDeniedException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /app/media/<id>}: an uploaded image of the current account (speaker photos in the organizer pages).
 * Under {@code /app}, so only signed-in members reach it and the tenant filter binds their account; an id of
 * another account is 404. The content type is the one decided from the bytes at upload.
 */
@WebServlet("/app/media/*")
public class MediaServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient MediaService media;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        UUID id = AgendaPage.parseUuid(path == null ? null : path.substring(1));
        Optional<StoredImage> image;
        try {
            image = id == null ? Optional.empty() : media.find(id);
        } catch (AccessDeniedException refused) {
            image = Optional.empty();
        }
        if (image.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String etag = "\"" + image.get().sha256() + "\"";
        response.setHeader("Cache-Control", "private, max-age=3600");
        response.setHeader("ETag", etag);
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(image.get().contentType());
        response.setContentLength(image.get().bytes().length);
        response.getOutputStream().write(image.get().bytes());
    }
}
