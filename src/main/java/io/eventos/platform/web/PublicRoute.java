package io.eventos.platform.web;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One kind of public address under {@code /e/{account}}, contributed by the context that owns its view through
 * {@link PublicRoutes}. {@link PublicSiteFilter} resolves the account, binds it as the tenant, sets the route's
 * request attributes and forwards to {@link #view} (the address bar keeps the pretty URL).
 *
 * @param path       a regular expression for what follows {@code /e/{account}}: empty for the account's own page,
 *                   else starting with {@code /}, e.g. {@code /checkout/([A-Za-z0-9_-]{20,64})}. A trailing slash is
 *                   always accepted. No numbered back references (the routes are compiled into one expression).
 *                   Routes must not match the same address.
 * @param attributes the request attribute each capturing group of {@code path} is set as, in order (a group that
 *                   took no part in the match sets nothing)
 * @param view       where the request is forwarded: a Faces view or a servlet path of the context; asked for
 *                   directly it is a 404 when it lies under a path the filter is mapped to
 * @param kind       whether the answer may be shared between visitors
 */
public record PublicRoute(String path, List<String> attributes, String view, Kind kind) {

    /** What the filter does around the view. */
    public enum Kind {
        /**
         * A page every visitor sees the same (the organizer's page, an event page): rendered into a buffer with
         * {@code Server-Timing}, answered by the view's {@link PageShortcut} when it has one, kept when script-free
         * ({@link RenderedPages}).
         */
        SHARED_PAGE,
        /** A file every visitor gets the same (a calendar file): forwarded as it is; the view sets its caching. */
        SHARED_FILE,
        /**
         * The buyer's own pages (ticket choice, checkout, the private order page and its PDF, "find my order"):
         * never kept or shared, {@code Cache-Control: private, no-store}, forwarded unbuffered.
         */
        PER_VISITOR
    }

    public PublicRoute {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(kind, "kind");
        attributes = List.copyOf(attributes);
        if (!path.isEmpty() && !path.startsWith("/")) {
            throw new IllegalArgumentException("A public route's path is empty or starts with /: " + path);
        }
        if (!view.startsWith("/")) {
            throw new IllegalArgumentException("A public route's view starts with /: " + view);
        }
        int groups = Pattern.compile(path).matcher("").groupCount();
        if (groups != attributes.size()) {
            throw new IllegalArgumentException("The route " + path + " has " + groups + " groups and names "
                    + attributes.size() + " attributes");
        }
    }

    /** A route setting {@code attributes} from the groups of {@code path}, in order. */
    public static PublicRoute of(String path, String view, Kind kind, String... attributes) {
        return new PublicRoute(path, List.of(attributes), view, kind);
    }
}
