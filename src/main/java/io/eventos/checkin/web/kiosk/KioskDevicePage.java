package io.eventos.checkin.web.kiosk;

import io.eventos.platform.web.Ids;
import io.eventos.checkin.service.KioskDevices;
import io.eventos.platform.tenancy.CurrentTenant;
import io.eventos.platform.tenancy.DeviceGrant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.omnifaces.util.Faces;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /checkin/device.xhtml?account=…&token=…}: a kiosk link opened on a door's tablet or phone. A valid link
 * makes this browser session that device (a new session id, nothing else kept) and goes straight to its list's
 * scanner; an expired, revoked or mistyped one says so. Opening the link is the sign-in, like an emailed link: it is
 * the credential, and signing in twice changes nothing.
 */
@Named
@RequestScoped
public class KioskDevicePage {

    @Inject
    KioskDevices devices;
    @Inject
    KioskSession kiosk;

    private String account;
    private String token;
    private boolean refused;

    public void signIn() throws IOException {
        UUID accountId = Ids.parse(account);
        Optional<DeviceGrant> grant = Optional.empty();
        if (accountId != null) {
            try (var tenant = CurrentTenant.bind(accountId)) {
                grant = devices.signIn(token);
            }
        }
        if (grant.isEmpty()) {
            refused = true;
            return;
        }
        HttpServletRequest request = Faces.getRequest();
        request.getSession(true);
        request.changeSessionId();
        kiosk.signIn(accountId, grant.get());
        Faces.redirect(request.getContextPath() + "/checkin/scan.xhtml?event=" + grant.get().eventId() + "&list="
                + grant.get().listId());
    }

    public boolean isRefused() {
        return refused;
    }

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }
}
