package io.eventos.event.web.publicsite;

import io.eventos.analytics.service.PageViews;
import io.eventos.event.service.PublicPageStore;
import io.eventos.platform.tenancy.CurrentTenant;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import io.eventos.platform.web.BaseUrl;
import io.eventos.platform.web.PageShortcut;
import io.eventos.platform.web.RenderedPages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /e/{account}/{event}} answered without Faces when the page's kept rendering is current: the data this
 * server holds fresh names a rendering kept in memory (or the visitor's own copy, 304); else the rendering kept in
 * the database, if it is current ({@link PublicPageStore}: one indexed read and the stock count, instead of the
 * page's reads and a render); else the view renders it and it is kept in both places ({@link #rendered}). Counts
 * the view and sets the headers exactly as {@link PublicEventPage} does when it renders, so either way the visitor
 * and the funnel see the same.
 */
@ApplicationScoped
public class EventPageShortcut implements PageShortcut {

    private static final Logger LOG = Logger.getLogger(EventPageShortcut.class.getName());
    /** Request attribute: the model a fresh rendering was made from. */
    static final String RENDERED_MODEL = "eventos.eventPage.model";
    /** At most this many renderings on their way to the database at once; more are not kept (the next miss is). */
    static final int MAX_KEEPING = 32;

    @Inject
    PublicPageCache cache;
    @Inject
    PageViews pageViews;
    @Inject
    RenderedPages renderedPages;
    @Inject
    PublicPageStore store;
    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService background;

    private final Set<String> keeping = ConcurrentHashMap.newKeySet();

    @Override
    public String view() {
        return PublicPageRoutes.EVENT_VIEW;
    }

    @Override
    public boolean answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String slug = (String) request.getAttribute(PublicPageRoutes.EVENT_SLUG);
        if (slug == null) {
            return false;
        }
        String baseUrl = BaseUrl.forPage(request);
        String contextPath = request.getContextPath();
        // fresh data held here (a popular page): no database at all
        EventPageModel model = cache.eventIfFresh(slug, baseUrl, contextPath);
        if (model != null) {
            if (!renderedPages.serveKept(request, response, model.etag())) {
                return false;
            }
            visited(model, request, response);
            return true;
        }
        // else the rendering kept in the database, if it is current (no refresh of data nobody may ask for again)
        PublicPageStore.Lookup kept = store.lookUp(slug, PublicPageCache.variant(baseUrl, contextPath));
        if (kept.page() != null) {
            PublicPageStore.KeptPage page = kept.page();
            renderedPages.serveStored(request, response, page.etag(), page.htmlGzip());
            counted(request, response, CurrentTenant.require(), page.eventId(), page.noIndex());
            // a page asked for again and again goes back to memory
            if (cache.askedWithoutData(slug, baseUrl, contextPath)) {
                renderedPages.remember(page.etag(), page.htmlGzip());
            }
            return true;
        }
        if (kept.freshness() == PublicPageStore.Freshness.OUTDATED) {
            // what this server still holds of the page (to answer once more while reading it again) is older
            // than the outdated rendering: read it now instead
            cache.forgetEvent(slug, baseUrl, contextPath);
        }
        model = model(request);
        if (model == null || !renderedPages.serveKept(request, response, model.etag())) {
            return false;
        }
        visited(model, request, response);
        return true;
    }

    /**
     * Keeps a fresh rendering of the page in the database, in the background (the visitor does not wait): the next
     * visitor of any server whose memory lacks the page gets it with one read, until something it shows changes.
     */
    @Override
    public void rendered(HttpServletRequest request, RenderedPages.Rendering page) {
        if (!(request.getAttribute(RENDERED_MODEL) instanceof EventPageModel model)) {
            return;
        }
        UUID account = model.organizer().id();
        String variant = PublicPageCache.variant(BaseUrl.forPage(request), request.getContextPath());
        String key = account + "/" + model.event().slug() + "/" + variant;
        if (keeping.size() >= MAX_KEEPING || !keeping.add(key)) {
            return;
        }
        try {
            background.execute(() -> {
                try (var tenant = CurrentTenant.bind(account)) {
                    store.keep(variant, model.source(), model.builtAt(), model.etag(), page.gzip());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Could not keep the rendering of a public event page", e);
                } finally {
                    keeping.remove(key);
                }
            });
        } catch (RejectedExecutionException e) {
            keeping.remove(key);
        }
    }

    /** The page's data (cached), or null when the URL names no public event of the bound account. */
    EventPageModel model(HttpServletRequest request) {
        String slug = (String) request.getAttribute(PublicPageRoutes.EVENT_SLUG);
        return slug == null ? null : cache.event(slug, BaseUrl.forPage(request), request.getContextPath());
    }

    /** What every answer of the page does: the view counted, robots told about an unlisted event. */
    void visited(EventPageModel model, HttpServletRequest request, HttpServletResponse response) {
        counted(request, response, model.organizer().id(), model.event().id(), model.isNoIndex());
    }

    private void counted(HttpServletRequest request, HttpServletResponse response, UUID account, UUID event,
                         boolean noIndex) {
        Visits.count(pageViews, request, account, event, PageViews.PAGE_VIEW);
        if (noIndex) {
            response.setHeader("X-Robots-Tag", "noindex");
        }
    }
}
