package io.eventos.platform.web;

import io.eventos.platform.cache.ExpiringCache;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.TenantDirectory;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Public pages: {@code /e/{account}} and {@code /e/{account}/{event}}, and the calendar files
 * {@code /e/{account}/{event}.ics} and {@code /e/{account}/{event}/sessions/{session id}.ics}. Resolves the account
 * from the URL, binds it as the tenant for the whole request and forwards to the view (or the calendar servlet), so
 * the address bar keeps the pretty URL. Anything that does not resolve is a 404. Slugs of active accounts are
 * remembered for {@link #SLUG_TTL} (public pages are the hottest path; a suspended account's pages end within it);
 * unknown slugs are asked every time. Pages answer with {@code Server-Timing: app;dur=...}: the time from here to
 * the written body (what "on the server" means in docs/benchmarks.md). A page whose rendering is kept and current is
 * answered by its {@link PageShortcut} without going through Faces at all (the usual case of a popular page).
 */
@WebFilter(filterName = "publicSite") // mapped in web.xml (/e/*, /public/*), after the security headers
public class PublicSiteFilter extends HttpFilter {

    /** Request attribute with the event slug of {@code /e/{account}/{event}}. */
    public static final String EVENT_SLUG = "eventos.eventSlug";
    /** Request attribute with the account slug. */
    public static final String ACCOUNT_SLUG = "eventos.accountSlug";
    /** Request attribute with the session id (a String) of {@code /e/{account}/{event}/sessions/{id}.ics}. */
    public static final String SESSION_ID = "eventos.sessionId";
    /** Where calendar files are forwarded to (a servlet of the event context; 404 when asked for directly). */
    public static final String CALENDAR_PATH = "/public/calendar";

    /** Request attribute with the hold token of {@code /e/{account}/checkout/{token}}. */
    public static final String HOLD_TOKEN = "eventos.holdToken";
    /** Request attribute with the order-page token of {@code /e/{account}/orders/{token}}. */
    public static final String ORDER_TOKEN = "eventos.orderToken";

    /**
     * The buyer's pages, which are per visitor (never kept or shared): ticket choice, checkout, the private order
     * page and its PDF, and "find my order". Tokens are URL-safe base64 of at least 16 bytes, so they can never be
     * mistaken for the fixed words.
     */
    private static final Pattern SHOP = Pattern.compile("^/e/([a-z0-9-]{1,63})/(?:checkout/([A-Za-z0-9_-]{20,64})"
            + "|orders/([A-Za-z0-9_-]{20,64})(/tickets\\.pdf)?|orders/(find)|([a-z0-9-]{1,120})/tickets)/?$");

    static final Duration SLUG_TTL = Duration.ofSeconds(30);

    private static final Pattern PATH = Pattern.compile("^/e/([a-z0-9-]{1,63})(?:/([a-z0-9-]{1,120})"
            + "(?:(\\.ics)|/sessions/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.ics)?)?/?$");

    private final ExpiringCache<String, UUID> accounts = new ExpiringCache<>(SLUG_TTL, 20_000);

    @Inject
    TenantDirectory directory;
    @Inject
    RenderedPages renderedPages;
    @Inject
    @Any
    Instance<PageShortcut> shortcutBeans;

    private volatile Map<String, PageShortcut> shortcuts;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher shop = SHOP.matcher(path);
        if (shop.matches()) {
            shopPage(shop, request, response);
            return;
        }
        Matcher matcher = PATH.matcher(path);
        // the views behind /e/... exist only through it: asked for directly, they are not found
        if (!matcher.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Optional<UUID> account = Optional.ofNullable(
                accounts.get(matcher.group(1), slug -> directory.accountIdBySlug(slug).orElse(null)));
        if (account.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        request.setAttribute(ACCOUNT_SLUG, matcher.group(1));
        String view = "/public/account.xhtml";
        if (matcher.group(2) != null) {
            request.setAttribute(EVENT_SLUG, matcher.group(2));
            view = "/public/event.xhtml";
            if (matcher.group(3) != null || matcher.group(4) != null) {
                if (matcher.group(4) != null) {
                    request.setAttribute(SESSION_ID, matcher.group(4));
                }
                view = CALENDAR_PATH;
            }
        }
        long started = System.nanoTime();
        try (var tenant = CurrentTenant.bind(account.get())) {
            if (view.equals(CALENDAR_PATH)) {
                request.getRequestDispatcher(view).forward(request, response);
                return;
            }
            BufferedResponse buffered = new BufferedResponse(response);
            PageShortcut shortcut = shortcuts().get(view);
            if (shortcut == null || !shortcut.answer(request, buffered)) {
                request.getRequestDispatcher(view).forward(request, buffered);
            }
            finish(request, response, buffered, started, shortcut);
        }
    }

    private Map<String, PageShortcut> shortcuts() {
        Map<String, PageShortcut> known = shortcuts;
        if (known == null) {
            Map<String, PageShortcut> found = new HashMap<>();
            shortcutBeans.forEach(s -> found.put(s.view(), s));
            shortcuts = known = Map.copyOf(found);
        }
        return known;
    }

    /** Binds the account and forwards to the buyer's page, unbuffered: these pages are never kept. */
    private void shopPage(Matcher shop, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        UUID account = accounts.get(shop.group(1), slug -> directory.accountIdBySlug(slug).orElse(null));
        if (account == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        request.setAttribute(ACCOUNT_SLUG, shop.group(1));
        String view;
        if (shop.group(2) != null) {
            request.setAttribute(HOLD_TOKEN, shop.group(2));
            view = "/shop/checkout.xhtml";
        } else if (shop.group(3) != null) {
            request.setAttribute(ORDER_TOKEN, shop.group(3));
            view = shop.group(4) != null ? "/shop/tickets-pdf" : "/shop/order.xhtml";
        } else if (shop.group(5) != null) {
            view = "/shop/find-order.xhtml";
        } else {
            request.setAttribute(EVENT_SLUG, shop.group(6));
            view = "/shop/tickets.xhtml";
        }
        response.setHeader("Cache-Control", "private, no-store");
        try (var tenant = CurrentTenant.bind(account)) {
            request.getRequestDispatcher(view).forward(request, response);
        }
    }

    /**
     * Writes a page's buffered body. A script-free page ({@link RenderedPages}) gets the page policy without a
     * nonce instead of the one the page was rendered with, and its fresh rendering is kept.
     */
    private void finish(HttpServletRequest request, HttpServletResponse response, BufferedResponse buffered,
                        long started, PageShortcut shortcut) throws IOException {
        if (buffered.isError() || response.isCommitted()) {
            return; // an error page, or something already sent
        }
        // the time the server spent on the page (for the benchmark and browsers' developer tools; no details)
        response.setHeader("Server-Timing", String.format(java.util.Locale.ROOT, "app;dur=%.1f",
                (System.nanoTime() - started) / 1e6)
                + (request.getAttribute(RenderedPages.STORED) != null ? ", stored" : ""));
        byte[] body = buffered.body();
        if (request.getAttribute(RenderedPages.SCRIPT_FREE) != null) {
            response.setHeader("Content-Security-Policy",
                    ConditionalGet.nonceFreePagePolicy(request.getServletContext()));
            String keepAs = (String) request.getAttribute(RenderedPages.KEEP_AS);
            // a fresh rendering (a kept one was stored without nonces and is sent as it is)
            if (keepAs != null && buffered.getStatus() == HttpServletResponse.SC_OK) {
                if (buffered.charset().equals(StandardCharsets.UTF_8)) {
                    body = renderedPages.keep(keepAs, body);
                    if (shortcut != null) {
                        shortcut.rendered(request, body);
                    }
                } else {
                    body = RenderedPages.withoutNonces(body, buffered.charset());
                }
            }
        }
        if (buffered.getStatus() == HttpServletResponse.SC_NOT_MODIFIED) {
            return;
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
