package io.eventos.platform.web;

import jakarta.servlet.ServletRequest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every context's {@link PublicRoute}s compiled into one regular expression, once: a request costs one match, as
 * the two fixed expressions it replaced did at most. Shared pages are tried first (the hot path), then files, then
 * the per-visitor pages; within a kind by path, so the order never depends on how beans were found.
 */
public final class PublicRouteTable {

    /** An account slug, as accounts are given them. */
    static final String ACCOUNT = "[a-z0-9-]{1,63}";

    private final Pattern pattern;
    private final PublicRoute[] routes;
    /** The number of the group enclosing each route's path, in {@link #pattern}. */
    private final int[] groups;

    public PublicRouteTable(Collection<PublicRoute> all) {
        List<PublicRoute> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing(PublicRoute::kind).thenComparing(PublicRoute::path));
        routes = sorted.toArray(PublicRoute[]::new);
        groups = new int[routes.length];
        StringBuilder regex = new StringBuilder("^/e/(" + ACCOUNT + ")(?:");
        int group = 2;
        for (int i = 0; i < routes.length; i++) {
            regex.append(i == 0 ? "" : "|").append('(').append(routes[i].path()).append(')');
            groups[i] = group;
            group += 1 + routes[i].attributes().size();
        }
        pattern = Pattern.compile(regex.append(")/?$").toString());
    }

    /** The route {@code path} (below the context path) names, or null (a 404). */
    public Match resolve(String path) {
        Matcher matcher = pattern.matcher(path);
        if (!matcher.matches()) {
            return null;
        }
        for (int i = 0; i < routes.length; i++) {
            if (matcher.start(groups[i]) >= 0) {
                return new Match(matcher, routes[i], groups[i]);
            }
        }
        return null; // not reached: a match takes one alternative
    }

    /** The routes, in the order they are tried. */
    public List<PublicRoute> routes() {
        return List.of(routes);
    }

    /** A resolved address: its route, the account slug and the values of the route's groups. */
    public static final class Match {

        private final Matcher matcher;
        private final PublicRoute route;
        private final int group;

        Match(Matcher matcher, PublicRoute route, int group) {
            this.matcher = matcher;
            this.route = route;
            this.group = group;
        }

        public PublicRoute route() {
            return route;
        }

        public String accountSlug() {
            return matcher.group(1);
        }

        /** The value of the route's attribute number {@code i} (in {@link PublicRoute#attributes()}), or null. */
        public String value(int i) {
            return matcher.group(group + 1 + i);
        }

        /** Sets the route's attributes on the request (those whose group took part in the match). */
        public void setAttributes(ServletRequest request) {
            List<String> names = route.attributes();
            for (int i = 0; i < names.size(); i++) {
                String value = value(i);
                if (value != null) {
                    request.setAttribute(names.get(i), value);
                }
            }
        }
    }
}
