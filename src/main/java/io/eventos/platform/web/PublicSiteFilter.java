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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The public site, {@code /e/{account}/...}: the mechanism, not the pages. The addresses come from the contexts
 * ({@link PublicRoutes}: the event context's organizer page, event pages and calendar files, ticketing's buyer
 * pages), compiled once into a {@link PublicRouteTable}. Resolves the account from the URL, binds it as the tenant
 * for the whole request, sets the route's request attributes and forwards to its view, so the address bar keeps
 * the pretty URL. Anything that does not resolve is a 404. Slugs of active accounts are remembered for
 * {@link #SLUG_TTL} (public pages are the hottest path; a suspended account's pages end within it); unknown slugs
 * are asked every time. Shared pages answer with {@code Server-Timing: app;dur=...}: the time from here to the
 * written body (what "on the server" means in docs/benchmarks.md). A shared page whose rendering is kept and
 * current is answered by its {@link PageShortcut} without going through Faces at all (the usual case of a popular
 * page). Per-visitor pages are never kept: {@code Cache-Control: private, no-store}.
 */
@WebFilter(filterName = "publicSite") // mapped in web.xml (/e/* and the folders of the views), after the headers
public class PublicSiteFilter extends HttpFilter {

    /** Request attribute with the account slug of {@code /e/{account}/...}. */
    public static final String ACCOUNT_SLUG = "eventos.accountSlug";

    static final Duration SLUG_TTL = Duration.ofSeconds(30);

    private final ExpiringCache<String, UUID> accounts = new ExpiringCache<>(SLUG_TTL, 20_000);

    @Inject
    TenantDirectory directory;
    @Inject
    RenderedPages renderedPages;
    @Inject
    @Any
    Instance<PageShortcut> shortcutBeans;
    @Inject
    @Any
    Instance<PublicRoutes> routeBeans;

    private volatile Site site;

    /** The routes and shortcuts, gathered once. */
    private record Site(PublicRouteTable routes, Map<String, PageShortcut> shortcuts) {
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Site known = site();
        PublicRouteTable.Match match = known.routes().resolve(path);
        // the views behind /e/... exist only through it: asked for directly, they are not found
        if (match == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String slug = match.accountSlug();
        UUID account = accounts.get(slug, s -> directory.accountIdBySlug(s).orElse(null));
        if (account == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        request.setAttribute(ACCOUNT_SLUG, slug);
        match.setAttributes(request);
        PublicRoute route = match.route();
        String view = route.view();
        switch (route.kind()) {
            case PER_VISITOR -> {
                response.setHeader("Cache-Control", "private, no-store");
                try (var tenant = CurrentTenant.bind(account)) {
                    request.getRequestDispatcher(view).forward(request, response);
                }
            }
            case SHARED_FILE -> {
                try (var tenant = CurrentTenant.bind(account)) {
                    request.getRequestDispatcher(view).forward(request, response);
                }
            }
            case SHARED_PAGE -> {
                long started = System.nanoTime();
                try (var tenant = CurrentTenant.bind(account)) {
                    BufferedResponse buffered = new BufferedResponse(response);
                    PageShortcut shortcut = known.shortcuts().get(view);
                    if (shortcut == null || !shortcut.answer(request, buffered)) {
                        request.getRequestDispatcher(view).forward(request, buffered);
                    }
                    finish(request, response, buffered, started, shortcut);
                }
            }
        }
    }

    private Site site() {
        Site known = site;
        if (known == null) {
            List<PublicRoute> routes = new ArrayList<>();
            routeBeans.forEach(r -> routes.addAll(r.routes()));
            Map<String, PageShortcut> found = new HashMap<>();
            shortcutBeans.forEach(s -> found.put(s.view(), s));
            site = known = new Site(new PublicRouteTable(routes), Map.copyOf(found));
        }
        return known;
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
            // the page is sent as gzip or as it is, depending on the request (RenderedPages)
            response.addHeader("Vary", "Accept-Encoding");
            String keepAs = (String) request.getAttribute(RenderedPages.KEEP_AS);
            // a fresh rendering (a kept one was stored without nonces and is sent as it is)
            if (keepAs != null && buffered.getStatus() == HttpServletResponse.SC_OK) {
                if (buffered.charset().equals(StandardCharsets.UTF_8)) {
                    RenderedPages.Rendering kept = renderedPages.keep(keepAs, body);
                    if (shortcut != null) {
                        shortcut.rendered(request, kept);
                    }
                    body = RenderedPages.formFor(request, kept.html(), kept.gzip());
                } else {
                    body = RenderedPages.withoutNonces(body, buffered.charset());
                }
            }
        }
        if (buffered.getStatus() == HttpServletResponse.SC_NOT_MODIFIED) {
            return;
        }
        if (request.getAttribute(RenderedPages.GZIPPED) != null) {
            response.setHeader("Content-Encoding", "gzip");
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
