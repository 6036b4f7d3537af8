package io.eventos.ticketing.web.publicsite;

import io.eventos.event.web.publicsite.PublicPageRoutes;
import io.eventos.platform.web.PublicRoute;
import io.eventos.platform.web.PublicRouteTable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public site's addresses as the contexts register them (the event context's pages and calendar files,
 * ticketing's buyer pages) resolve exactly as the two expressions {@code PublicSiteFilter} held before (issue 12):
 * same view, same request attributes, same 404s, same sharing.
 */
class PublicSiteRoutesTest {

    private static final String TOKEN = "AbCdEfGhIjKlMnOpQr_-12";
    private static final String SESSION = "0b6f3c1e-5a7d-4d2b-9a51-3f0e2c4b8d17";

    private final PublicRouteTable table = new PublicRouteTable(routes());

    private static List<PublicRoute> routes() {
        List<PublicRoute> all = new ArrayList<>(new PublicPageRoutes().routes());
        all.addAll(new ShopRoutes().routes());
        return all;
    }

    @Test
    void eachAddressReachesItsView() {
        assertThat(resolved("/e/acme")).isEqualTo("/public/account.xhtml shared-page {}");
        assertThat(resolved("/e/acme/summit")).isEqualTo("/public/event.xhtml shared-page {eventos.eventSlug=summit}");
        assertThat(resolved("/e/acme/summit.ics"))
                .isEqualTo("/public/calendar shared-file {eventos.eventSlug=summit}");
        assertThat(resolved("/e/acme/summit/sessions/" + SESSION + ".ics")).isEqualTo(
                "/public/calendar shared-file {eventos.eventSlug=summit, eventos.sessionId=" + SESSION + "}");
        assertThat(resolved("/e/acme/summit/tickets"))
                .isEqualTo("/shop/tickets.xhtml per-visitor {eventos.eventSlug=summit}");
        assertThat(resolved("/e/acme/checkout/" + TOKEN))
                .isEqualTo("/shop/checkout.xhtml per-visitor {eventos.holdToken=" + TOKEN + "}");
        assertThat(resolved("/e/acme/orders/" + TOKEN))
                .isEqualTo("/shop/order.xhtml per-visitor {eventos.orderToken=" + TOKEN + "}");
        assertThat(resolved("/e/acme/orders/" + TOKEN + "/tickets.pdf"))
                .isEqualTo("/shop/tickets-pdf per-visitor {eventos.orderToken=" + TOKEN + "}");
        assertThat(resolved("/e/acme/orders/find")).isEqualTo("/shop/find-order.xhtml per-visitor {}");
        assertThat(resolved("/public/event.xhtml")).isNull();
        assertThat(resolved("/shop/checkout.xhtml")).isNull();
    }

    /** Every combination of the addresses' pieces resolves as before: the old expressions are the reference. */
    @Test
    void everyAddressResolvesAsThePlatformsOwnExpressionsDid() {
        String[] accounts = {"acme", "a", "Acme", "acme_x", "x".repeat(63), "x".repeat(64), ""};
        String[] rests = {"", "/", "//", "/summit", "/summit/", "/Summit", "/" + "s".repeat(120), "/" + "s".repeat(121),
                "/summit.ics", "/summit.ics/", "/summit.ICS", "/summit/sessions/" + SESSION + ".ics",
                "/summit/sessions/" + SESSION.toUpperCase() + ".ics", "/summit/sessions/" + SESSION,
                "/summit/sessions/x.ics", "/summit/tickets", "/summit/tickets/", "/summit/tickets/x", "/checkout",
                "/checkout/", "/checkout/" + TOKEN, "/checkout/" + TOKEN + "/", "/checkout/short",
                "/checkout/" + "t".repeat(64), "/checkout/" + "t".repeat(65), "/checkout/tok+en" + TOKEN,
                "/orders", "/orders/find", "/orders/find/", "/orders/finder", "/orders/" + TOKEN,
                "/orders/" + TOKEN + "/tickets.pdf", "/orders/" + TOKEN + "/tickets.pdf/",
                "/orders/" + TOKEN + "/tickets", "/orders/find/tickets.pdf", "/find", "/tickets", "/checkout/tickets",
                "/orders/tickets", "/summit/checkout", "/sessions/" + SESSION + ".ics", "/.ics"};
        int compared = 0;
        for (String account : accounts) {
            for (String rest : rests) {
                String path = "/e/" + account + rest;
                assertThat(resolved(path)).as(path).isEqualTo(before(path));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(accounts.length * rests.length);
    }

    private String resolved(String path) {
        PublicRouteTable.Match match = table.resolve(path);
        if (match == null) {
            return null;
        }
        Map<String, String> attributes = new TreeMap<>();
        List<String> names = match.route().attributes();
        for (int i = 0; i < names.size(); i++) {
            if (match.value(i) != null) {
                attributes.put(names.get(i), match.value(i));
            }
        }
        return match.route().view() + " " + match.route().kind().name().toLowerCase().replace('_', '-') + " "
                + attributes;
    }

    // ---------------------------------------------------------------- PublicSiteFilter before issue 12, as it was

    private static final Pattern SHOP = Pattern.compile("^/e/([a-z0-9-]{1,63})/(?:checkout/([A-Za-z0-9_-]{20,64})"
            + "|orders/([A-Za-z0-9_-]{20,64})(/tickets\\.pdf)?|orders/(find)|([a-z0-9-]{1,120})/tickets)/?$");
    private static final Pattern PATH = Pattern.compile("^/e/([a-z0-9-]{1,63})(?:/([a-z0-9-]{1,120})"
            + "(?:(\\.ics)|/sessions/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.ics)?)?/?$");

    private static String before(String path) {
        Map<String, String> attributes = new TreeMap<>();
        Matcher shop = SHOP.matcher(path);
        if (shop.matches()) {
            String view;
            if (shop.group(2) != null) {
                attributes.put("eventos.holdToken", shop.group(2));
                view = "/shop/checkout.xhtml";
            } else if (shop.group(3) != null) {
                attributes.put("eventos.orderToken", shop.group(3));
                view = shop.group(4) != null ? "/shop/tickets-pdf" : "/shop/order.xhtml";
            } else if (shop.group(5) != null) {
                view = "/shop/find-order.xhtml";
            } else {
                attributes.put("eventos.eventSlug", shop.group(6));
                view = "/shop/tickets.xhtml";
            }
            return view + " per-visitor " + attributes;
        }
        Matcher matcher = PATH.matcher(path);
        if (!matcher.matches()) {
            return null;
        }
        String view = "/public/account.xhtml";
        String kind = "shared-page";
        if (matcher.group(2) != null) {
            attributes.put("eventos.eventSlug", matcher.group(2));
            view = "/public/event.xhtml";
            if (matcher.group(3) != null || matcher.group(4) != null) {
                if (matcher.group(4) != null) {
                    attributes.put("eventos.sessionId", matcher.group(4));
                }
                view = "/public/calendar";
                kind = "shared-file";
            }
        }
        return view + " " + kind + " " + attributes;
    }
}
