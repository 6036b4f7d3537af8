package io.eventos.ticketing.web.publicsite;

import io.eventos.platform.web.PublicRoute;
import io.eventos.platform.web.PublicRoutes;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The buyer's addresses ({@link io.eventos.platform.web.PublicSiteFilter} serves them), all per visitor (never kept
 * or shared): ticket choice {@code /e/{account}/{event}/tickets}, the checkout {@code /e/{account}/checkout/{hold
 * token}}, the private order page {@code /e/{account}/orders/{token}} and its PDF {@code .../tickets.pdf}, and
 * "find my order" {@code /e/{account}/orders/find}. Tokens are URL-safe base64 of at least 16 bytes, so they can
 * never be mistaken for the fixed words.
 */
@ApplicationScoped
public class ShopRoutes implements PublicRoutes {

    /** Where the PDF of an order's tickets is forwarded to ({@link TicketPdfServlet}). */
    static final String TICKETS_PDF = "/shop/tickets-pdf";

    private static final String TOKEN = "([A-Za-z0-9_-]{20,64})";

    @Override
    public List<PublicRoute> routes() {
        PublicRoute.Kind mine = PublicRoute.Kind.PER_VISITOR;
        return List.of(
                PublicRoute.of("/([a-z0-9-]{1,120})/tickets", "/shop/tickets.xhtml", mine, ShopRequest.EVENT_SLUG),
                PublicRoute.of("/checkout/" + TOKEN, "/shop/checkout.xhtml", mine, ShopRequest.HOLD_TOKEN),
                PublicRoute.of("/orders/" + TOKEN, "/shop/order.xhtml", mine, ShopRequest.ORDER_TOKEN),
                PublicRoute.of("/orders/" + TOKEN + "/tickets\\.pdf", TICKETS_PDF, mine, ShopRequest.ORDER_TOKEN),
                PublicRoute.of("/orders/find", "/shop/find-order.xhtml", mine));
    }
}
