package io.eventos.ticketing.web.publicsite;

import io.eventos.platform.web.PublicSiteFilter;
import org.omnifaces.util.Faces;

/**
 * What {@code PublicSiteFilter} resolved from a buyer's URL ({@code /e/{account}/...}, routes of {@link ShopRoutes}):
 * request attributes set before it forwarded to the view.
 */
final class ShopRequest {

    static final String ACCOUNT_SLUG = PublicSiteFilter.ACCOUNT_SLUG;
    static final String EVENT_SLUG = "eventos.eventSlug";
    static final String HOLD_TOKEN = "eventos.holdToken";
    static final String ORDER_TOKEN = "eventos.orderToken";

    private ShopRequest() {
    }

    static String attribute(String name) {
        Object value = Faces.getRequestAttribute(name);
        return value == null ? null : value.toString();
    }

    /** The application's address plus {@code /e/{account}}, for links and redirects. */
    static String accountBase(String accountSlug) {
        return Faces.getRequestContextPath() + "/e/" + accountSlug;
    }
}
