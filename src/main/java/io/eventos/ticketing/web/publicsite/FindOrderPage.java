package io.eventos.ticketing.web.publicsite;

import io.eventos.platform.limits.TooManyAttemptsException;
import io.eventos.platform.web.BaseUrl;
import io.eventos.platform.web.ClientAddress;
import io.eventos.ticketing.service.CheckoutService;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.enterprise.context.RequestScoped;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/**
 * {@code /e/{account}/orders/find}: "send me my order links". The answer is the same whether or not the address has
 * orders here (and whether or not it got its limit of such emails this hour), so the page reveals nothing about who
 * bought what. Too many requests from one client get "Too many attempts — try again in N minutes".
 */
@Named
@RequestScoped
public class FindOrderPage {

    static final String SENT = "If you ordered with this address, we sent the links to your orders there.";

    @Inject
    CheckoutService checkout;

    private String email;

    public void send() {
        if (email == null || !email.contains("@")) {
            Messages.addError("find-form:email", "Enter the email address you ordered with.");
            return;
        }
        try {
            checkout.sendOrderLinks(email.strip(), BaseUrl.of(Faces.getRequest()), ClientAddress.of(Faces.getRequest()));
        } catch (TooManyAttemptsException e) {
            Messages.addGlobalError(e.getMessage()); // the address stays in the field
            return;
        }
        Messages.addGlobalInfo(SENT);
        email = null;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
