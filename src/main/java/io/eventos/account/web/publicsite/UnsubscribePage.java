package io.eventos.account.web.publicsite;

import io.eventos.account.service.WeeklySummaryUnsubscribe;
import io.eventos.account.service.WeeklySummaryUnsubscribe.Status;
import io.eventos.account.service.WeeklySummaryUnsubscribe.View;
import io.eventos.analytics.service.WeeklySummaryMail;
import io.eventos.platform.limits.TooManyAttemptsException;
import io.eventos.platform.web.ClientAddress;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.omnifaces.util.Faces;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code /unsubscribe.xhtml?t=...}: the weekly summary's unsubscribe link, without signing in. Opening it changes
 * nothing (mail scanners open links): it says whose email of which account it is and offers a button, a plain form
 * POSTing to {@link UnsubscribeServlet}, which turns the email off and comes back here. A link that is changed, made
 * up or revoked gets one sentence; an address that brought too many of those gets "try again in N minutes".
 */
@Named
@RequestScoped
public class UnsubscribePage {

    @Inject
    WeeklySummaryUnsubscribe unsubscribe;

    private String token;
    private View view;
    private String refused;

    /** View action (GET only). */
    public void load() {
        try {
            view = unsubscribe.look(token, ClientAddress.of(Faces.getRequest()));
        } catch (TooManyAttemptsException e) {
            refused = e.getMessage();
            Faces.getResponse().setStatus(429);
        }
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    /** Where the button posts: the one-click address with this link's value. */
    public String getPostAction() {
        return Faces.getRequestContextPath() + WeeklySummaryMail.UNSUBSCRIBE_POST + "?t="
                + URLEncoder.encode(token == null ? "" : token, StandardCharsets.UTF_8);
    }

    public String getSettingsLink() {
        return Faces.getRequestContextPath() + WeeklySummaryMail.SETTING_PATH;
    }

    public String getRefused() {
        return refused;
    }

    public boolean isOn() {
        return view != null && view.status() == Status.ON;
    }

    public boolean isOff() {
        return view != null && view.status() == Status.OFF;
    }

    public boolean isInvalid() {
        return view != null && view.status() == Status.INVALID;
    }

    public String getAccountName() {
        return view == null ? null : view.accountName();
    }

    public String getEmail() {
        return view == null ? null : view.email();
    }
}
