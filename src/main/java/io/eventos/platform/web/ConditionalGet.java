package io.eventos.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * HTTP validation for public responses that every visitor gets alike: an entity tag and {@code no-cache} (a cache
 * may keep the response but must ask again each time with {@code If-None-Match}, so a change shows at once and
 * every view still reaches the server, where it is counted), and a 304 without a body when the copy is current.
 * <p>Faces pages carry a per-response script nonce (PrimeFaces' CSP), so they are {@code private}: a shared cache
 * must not hand one visitor's nonce to everyone. A 304 updates the headers the browser stored with its copy, so it
 * carries the page policy without any nonce ({@code script-src 'self'}): the copy's external scripts keep working
 * and no inline script runs, whatever nonce the copy holds — never a weaker policy than the first response had.
 */
public final class ConditionalGet {

    static final String PAGE_CACHE_CONTROL = "private, no-cache";
    static final String FILE_CACHE_CONTROL = "public, no-cache";
    /** The page policy of web.xml, to which PrimeFaces appends the nonce when it renders. */
    static final String PAGE_POLICY_PARAM = "primefaces.CSP_POLICY";

    private ConditionalGet() {
    }

    /**
     * For a Faces page: sets the validator headers; answers 304 (with the nonce-free page policy) and returns true
     * when the request's {@code If-None-Match} names {@code etag}; then nothing may be rendered.
     */
    public static boolean pageNotModified(HttpServletRequest request, HttpServletResponse response, String etag) {
        response.setHeader("Cache-Control", PAGE_CACHE_CONTROL);
        boolean current = answer(request, response, etag);
        if (current) {
            String policy = request.getServletContext().getInitParameter(PAGE_POLICY_PARAM);
            if (policy != null) {
                response.addHeader("Content-Security-Policy", policy);
            }
        }
        return current;
    }

    /** For a file without scripts (a calendar file): the same, shareable by caches. */
    public static boolean fileNotModified(HttpServletRequest request, HttpServletResponse response, String etag) {
        response.setHeader("Cache-Control", FILE_CACHE_CONTROL);
        return answer(request, response, etag);
    }

    private static boolean answer(HttpServletRequest request, HttpServletResponse response, String etag) {
        response.setHeader("ETag", etag);
        if (matches(request.getHeader("If-None-Match"), etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return true;
        }
        return false;
    }

    /** Weak comparison (RFC 9110 13.1.2): "W/" prefixes are ignored; "*" matches any current representation. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank() || etag == null) {
            return false;
        }
        String wanted = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || opaque(tag).equals(wanted)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
