package io.eventos.platform.web;

import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * HTTP validation for public responses that every visitor gets alike (the script-free public pages, calendar
 * files): an entity tag and {@code Cache-Control: public, no-cache} (any cache may keep the response but must ask
 * again each time with {@code If-None-Match}, so a change shows at once and every view still reaches the server,
 * where it is counted), and a 304 without a body when the copy is current.
 */
public final class ConditionalGet {

    static final String CACHE_CONTROL = "public, no-cache";
    /** The page policy of web.xml, to which PrimeFaces appends a nonce when it renders a page. */
    static final String PAGE_POLICY_PARAM = "primefaces.CSP_POLICY";

    private ConditionalGet() {
    }

    /**
     * Sets the validator headers; answers 304 and returns true when the request's {@code If-None-Match} names
     * {@code etag} (then nothing more may be written).
     */
    public static boolean notModified(HttpServletRequest request, HttpServletResponse response, String etag) {
        response.setHeader("Cache-Control", CACHE_CONTROL);
        response.setHeader("ETag", etag);
        if (matches(request.getHeader("If-None-Match"), etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return true;
        }
        return false;
    }

    /** The page policy without a nonce: {@code script-src 'self'}, so no inline script runs at all. */
    static String nonceFreePagePolicy(ServletContext context) {
        String policy = context.getInitParameter(PAGE_POLICY_PARAM);
        return policy == null ? SecurityHeadersFilter.BASE_POLICY : policy;
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
