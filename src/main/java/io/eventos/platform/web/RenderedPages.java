package io.eventos.platform.web;

import io.eventos.platform.cache.ExpiringCache;
import io.eventos.platform.text.Gzip;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Public pages that every visitor gets alike and that have no inline script ("script-free": their scripts are
 * files, the JSON-LD is a data block): validated with their entity tag (304), and their rendered HTML kept under
 * that tag, so a page whose data has not changed is written, not rendered again.
 * <p>A per-response CSP nonce and a shared copy of the HTML cannot go together (a nonce everyone can read protects
 * nothing; a replayed nonce would not match the response's policy). These pages need no nonce, so they go without:
 * they are served with the page policy without one ({@code script-src 'self'}: no inline script runs at all), and
 * the nonce attributes PrimeFaces puts on script elements are removed from the HTML before it is kept or sent.
 * <p>A rendering is kept in two forms, the HTML and its gzip (made once, when it is rendered): a browser that accepts
 * gzip (all of them do) gets the gzip with {@code Content-Encoding: gzip}, a fifth to a third of the bytes on a phone's
 * connection and less to write; anything else gets the HTML. Either answer says {@code Vary: Accept-Encoding}; the
 * entity tag is weak, so it is the same for both forms (RFC 9110 8.8.1).
 * <p>How: the page bean calls {@link #serve} with the tag of what it will show; {@link PublicSiteFilter}, which
 * buffers the response of these pages, sets the policy and keeps the rendering once the view has been rendered.
 */
@ApplicationScoped
public class RenderedPages {

    /** Request attribute: the entity tag of a script-free page being answered. */
    static final String SCRIPT_FREE = "eventos.renderedPages.scriptFree";
    /** Request attribute: keep this request's rendering under the entity tag. */
    static final String KEEP_AS = "eventos.renderedPages.keepAs";
    /** Request attribute: answered with a rendering kept in the database (Server-Timing says "stored"). */
    static final String STORED = "eventos.renderedPages.stored";
    /** Request attribute: the body written is the gzip form ({@code Content-Encoding: gzip}). */
    static final String GZIPPED = "eventos.renderedPages.gzipped";
    static final Duration TTL = Duration.ofSeconds(60);
    private static final Pattern NONCE = Pattern.compile(" nonce=\"[^\"]*\"");
    private static final byte[] NONCE_BYTES = " nonce=\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] QUOTE = {'"'};

    /** A kept rendering: UTF-8 HTML without nonces, and the same compressed. */
    public record Rendering(byte[] html, byte[] gzip) {

        static Rendering of(byte[] html) {
            return new Rendering(html, Gzip.compress(html));
        }
    }

    private final ExpiringCache<String, Rendering> pages = new ExpiringCache<>(TTL, 2_000);

    /**
     * Answers a script-free page whose content has the entity tag {@code etag}: 304 when the visitor's copy is
     * current, else the kept rendering. Returns true when the response is complete; false means "render the view"
     * (the rendering is then kept).
     */
    public boolean serve(HttpServletRequest request, HttpServletResponse response, String etag) throws IOException {
        request.setAttribute(SCRIPT_FREE, etag);
        if (ConditionalGet.notModified(request, response, etag)) {
            return true;
        }
        Rendering kept = pages.getIfPresent(etag);
        if (kept != null) {
            write(request, response, kept.html(), kept.gzip());
            return true;
        }
        request.setAttribute(KEEP_AS, etag);
        return false;
    }

    /**
     * Like {@link #serve}, for a caller that has not started the view ({@link PageShortcut}): answers only when no
     * rendering is needed (the visitor's copy is current, or a rendering is kept) and returns false having touched
     * nothing otherwise.
     */
    public boolean serveKept(HttpServletRequest request, HttpServletResponse response, String etag)
            throws IOException {
        Rendering kept = pages.getIfPresent(etag);
        if (kept == null && !ConditionalGet.matches(request.getHeader("If-None-Match"), etag)) {
            return false;
        }
        request.setAttribute(SCRIPT_FREE, etag);
        if (ConditionalGet.notModified(request, response, etag)) {
            return true;
        }
        write(request, response, kept.html(), kept.gzip());
        return true;
    }

    /**
     * Answers a script-free page with a rendering kept outside this server's memory ({@code gzip}: the gzip of UTF-8
     * HTML without nonces, as {@link #keep} made it when the page was rendered): 304 when the visitor's copy is
     * current, else the page (decompressed only for a client that does not accept gzip). The response is complete
     * afterwards.
     */
    public void serveStored(HttpServletRequest request, HttpServletResponse response, String etag, byte[] gzip)
            throws IOException {
        request.setAttribute(SCRIPT_FREE, etag);
        request.setAttribute(STORED, Boolean.TRUE);
        if (ConditionalGet.notModified(request, response, etag)) {
            return;
        }
        write(request, response, null, gzip);
    }

    /**
     * Keeps in memory a rendering that was kept elsewhere ({@link #serveStored}: its gzip) under its entity tag, for a
     * page whose data this server holds with that same tag: its next visitors are answered from memory.
     */
    public void remember(String etag, byte[] gzip) {
        pages.put(etag, new Rendering(Gzip.decompress(gzip), gzip));
    }

    /** The rendering as it is kept and sent: UTF-8 HTML without nonce attributes, and its gzip. */
    Rendering keep(String etag, byte[] renderedUtf8) {
        Rendering kept = Rendering.of(withoutNonces(renderedUtf8));
        pages.put(etag, kept);
        return kept;
    }

    /** Writes the form the client takes ({@link #formFor}). */
    private static void write(HttpServletRequest request, HttpServletResponse response, byte[] html, byte[] gzip)
            throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(formFor(request, html, gzip));
    }

    /**
     * The form of a page the client takes: the gzip if it accepts it (the request is marked, so that
     * {@link PublicSiteFilter} says {@code Content-Encoding: gzip}), else the HTML ({@code html} made when null).
     */
    static byte[] formFor(HttpServletRequest request, byte[] html, byte[] gzip) {
        if (acceptsGzip(request)) {
            request.setAttribute(GZIPPED, Boolean.TRUE);
            return gzip;
        }
        return html != null ? html : Gzip.decompress(gzip);
    }

    /** Whether the request's {@code Accept-Encoding} takes gzip (RFC 9110 12.5.3: "gzip" or "*", not with q=0). */
    private static boolean acceptsGzip(HttpServletRequest request) {
        return acceptsGzip(request.getHeader("Accept-Encoding"));
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null || acceptEncoding.isBlank()) {
            return false;
        }
        Boolean star = null;
        for (String part : acceptEncoding.split(",")) {
            String[] pieces = part.split(";");
            String coding = pieces[0].strip().toLowerCase(java.util.Locale.ROOT);
            boolean wanted = true;
            for (int i = 1; i < pieces.length; i++) {
                String parameter = pieces[i].strip().toLowerCase(java.util.Locale.ROOT);
                if (parameter.startsWith("q=")) {
                    wanted = !parameter.substring(2).strip().matches("0(\\.0{0,3})?");
                }
            }
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                return wanted;
            }
            if (coding.equals("*")) {
                star = wanted;
            }
        }
        return Boolean.TRUE.equals(star);
    }

    static byte[] withoutNonces(byte[] utf8) {
        return withoutNonces(utf8, StandardCharsets.UTF_8);
    }

    /**
     * The HTML without its {@code  nonce="..."} attributes. In UTF-8 (and the single-byte ASCII-based charsets) the
     * attribute's bytes are ASCII, which never occur inside a multi-byte character, so the bytes are scanned as they
     * are: decoding the page into a String, replacing and encoding it again took a quarter of the CPU of a public
     * page's first rendering (a JFR profile of {@code bench/run.sh}, session 16). Other charsets are decoded.
     */
    static byte[] withoutNonces(byte[] html, java.nio.charset.Charset charset) {
        if (!charset.equals(StandardCharsets.UTF_8) && !charset.equals(StandardCharsets.ISO_8859_1)
                && !charset.equals(StandardCharsets.US_ASCII)) {
            return NONCE.matcher(new String(html, charset)).replaceAll("").getBytes(charset);
        }
        int at = indexOf(html, NONCE_BYTES, 0);
        if (at < 0) {
            return html;
        }
        byte[] out = new byte[html.length];
        int length = 0;
        int from = 0;
        while (at >= 0) {
            int end = indexOf(html, QUOTE, at + NONCE_BYTES.length);
            if (end < 0) { // not closed: not an attribute to remove (the pattern needs its closing quote)
                break;
            }
            System.arraycopy(html, from, out, length, at - from);
            length += at - from;
            from = end + 1;
            at = indexOf(html, NONCE_BYTES, from);
        }
        System.arraycopy(html, from, out, length, html.length - from);
        length += html.length - from;
        return java.util.Arrays.copyOf(out, length);
    }

    /** Where {@code part} first occurs in {@code bytes} at or after {@code from}, or -1. */
    private static int indexOf(byte[] bytes, byte[] part, int from) {
        outer:
        for (int i = from; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
