package io.eventos.ticketing.web.publicsite;

import io.eventos.ticketing.service.CheckoutService;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Optional;

/**
 * The PDF of a paid order's tickets, forwarded here from {@code /e/{account}/orders/{token}/tickets.pdf} with the
 * tenant bound. Asked for directly (no token attribute), or for a wrong link, it is a 404.
 */
@WebServlet(ShopRoutes.TICKETS_PDF)
public class TicketPdfServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient CheckoutService checkout;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object token = request.getAttribute(ShopRequest.ORDER_TOKEN);
        Optional<byte[]> pdf = token == null ? Optional.empty() : checkout.ticketPdf(token.toString());
        if (pdf.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "inline; filename=\"tickets.pdf\"");
        response.setHeader("Cache-Control", "private, no-store");
        response.setContentLength(pdf.get().length);
        response.getOutputStream().write(pdf.get());
    }
}
