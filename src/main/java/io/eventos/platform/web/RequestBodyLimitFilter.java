package io.eventos.platform.web;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Caps every request body before anything reads it, with 413 and a page that says so (issue 13, finding 8: multipart
 * bodies of ~51 MB were parsed on every Faces page, public ones included, and larger ones answered 500).
 * <ul>
 *   <li>A multipart body (a form with a file field) only reaches the pages that have one (each context names its
 *   own: {@link ContextViews#uploadViews}; images, and the CSV files of the contact import, up to 20 MB),
 *   up to {@link #MAX_UPLOAD_BYTES} (the Faces servlet's {@code multipart-config} in web.xml says the same); the
 *   services refuse a file over their own smaller limit next to the field.</li>
 *   <li>Any other body: at most {@link #MAX_BODY_BYTES}, above what the largest legitimate one needs (a kiosk's
 *   offline scans, 2,000,000 bytes, which that servlet checks itself with a sentence of its own).</li>
 * </ul>
 * A body without a length (chunked) is refused where a multipart one would be; other chunked bodies are left to
 * the container's own form-size limit.
 */
@WebFilter(filterName = "requestBodyLimit") // mapped in web.xml (/*)
public class RequestBodyLimitFilter extends HttpFilter {

    /** Matches {@code max-request-size} of the Faces servlet's {@code multipart-config}. */
    static final long MAX_UPLOAD_BYTES = 22_020_096;
    /** Every other request body. */
    static final long MAX_BODY_BYTES = 2_100_000;
    @Inject
    @Any
    Instance<ContextViews> contexts;

    /** The views with a file field, as the contexts name them; gathered once. */
    private volatile Set<String> uploadViews;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!allowed(request.getContentType(), request.getContentLengthLong(),
                request.getRequestURI().substring(request.getContextPath().length()), uploadViews())) {
            refuse(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * 413 with a plain page of its own, written here: the Faces error page would, on a POST, read the very body it
     * refuses (a postback looks for its parameters) and fail with a 500. The connection is closed, so the rest of
     * the body is never read.
     */
    private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setHeader("Connection", "close");
        response.setContentType("text/html; charset=UTF-8");
        response.getWriter().write(TOO_LARGE_PAGE.replace("{css}", request.getContextPath()
                + "/jakarta.faces.resource/css/eventos.css.xhtml"));
    }

    static final String TOO_LARGE_PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>Too large</title><link rel="stylesheet" href="{css}"/></head>
            <body class="public"><main id="main" class="container"><section class="notice">
            <h1>That was too large to send</h1>
            <p id="too-large-text">Images can be at most 5 MB, files of contacts 20 MB, and a form without a file at most
            2 MB. Nothing was saved.
            Use your browser's Back button, choose a smaller file or shorten the text, and send it again.</p>
            </section></main></body></html>
            """;

    private Set<String> uploadViews() {
        Set<String> known = uploadViews;
        if (known == null) {
            known = uploadViews(contexts);
            uploadViews = known;
        }
        return known;
    }

    /** Every context's views with a file field. */
    static Set<String> uploadViews(Iterable<? extends ContextViews> contexts) {
        Set<String> views = new HashSet<>();
        contexts.forEach(context -> views.addAll(context.uploadViews()));
        return Set.copyOf(views);
    }

    /**
     * Whether a body of this type and length (-1: unknown) may reach {@code path} (without the context path), where
     * {@code uploadViews} are the views with a file field.
     */
    static boolean allowed(String contentType, long length, String path, Set<String> uploadViews) {
        boolean multipart = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
        if (multipart) {
            return uploadViews.contains(path) && length >= 0 && length <= MAX_UPLOAD_BYTES;
        }
        return length <= MAX_BODY_BYTES;
    }
}
