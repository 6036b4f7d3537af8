package io.eventos.account.web.publicsite;

import io.eventos.account.service.WeeklySummaryUnsubscribe;
import io.eventos.account.service.WeeklySummaryUnsubscribe.Status;
import io.eventos.account.service.WeeklySummaryUnsubscribe.View;
import io.eventos.analytics.service.WeeklySummaryMail;
import io.eventos.platform.limits.TooManyAttemptsException;
import io.eventos.platform.web.ClientAddress;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code /email/unsubscribe?t=...}, the weekly summary's {@code List-Unsubscribe} address (RFC 8058). POST turns
 * the email off: a mail program's one-click request ({@code List-Unsubscribe=One-Click} in the body) gets a short
 * plain answer, the unsubscribe page's button is sent back to the page (303), which then says it is off. GET never
 * changes anything: it goes to the page. Not valid: 400 with a sentence (one-click) or the page's sentence; too many
 * invalid links from one address: 429.
 */
@WebServlet(WeeklySummaryMail.UNSUBSCRIBE_POST)
public class UnsubscribeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient WeeklySummaryUnsubscribe unsubscribe;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(page(request));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean oneClick = "One-Click".equals(request.getParameter("List-Unsubscribe"));
        View view;
        try {
            view = unsubscribe.unsubscribe(request.getParameter("t"), ClientAddress.of(request));
        } catch (TooManyAttemptsException e) {
            plain(response, 429, e.getMessage());
            return;
        }
        if (oneClick) {
            if (view.status() == Status.INVALID) {
                plain(response, 400, "This unsubscribe link is not valid.");
            } else {
                plain(response, 200, "You no longer receive the weekly summary of " + view.accountName() + ".");
            }
            return;
        }
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", page(request));
    }

    private static String page(HttpServletRequest request) {
        String token = request.getParameter("t");
        return request.getContextPath() + WeeklySummaryMail.UNSUBSCRIBE_PAGE + "?t="
                + URLEncoder.encode(token == null ? "" : token, StandardCharsets.UTF_8);
    }

    private static void plain(HttpServletResponse response, int status, String text) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(text + "\n");
    }
}
