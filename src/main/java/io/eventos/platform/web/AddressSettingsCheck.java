package io.eventos.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import java.util.logging.Logger;

/**
 * Reads EVENTOS_BASE_URL, EVENTOS_ALLOWED_HOSTS and EVENTOS_TRUSTED_PROXIES at start-up: a malformed value stops
 * the deployment with one sentence naming it ("EventOS cannot start: ..."), and the log says where links in emails
 * point (a warning when nowhere) and which proxies are trusted.
 */
@ApplicationScoped
public class AddressSettingsCheck {

    private static final Logger LOG = Logger.getLogger(AddressSettingsCheck.class.getName());

    void atStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        BaseUrl.Settings links = BaseUrl.settings();
        if (links.configured() != null) {
            LOG.info(links.describe());
        } else {
            LOG.warning(links.describe());
        }
        TrustedProxies proxies = ClientAddress.trustedProxies();
        LOG.info(proxies.isEmpty()
                ? "Client addresses are the connections' own (no EVENTOS_TRUSTED_PROXIES); X-Forwarded-For is ignored."
                : "X-Forwarded-For is read from the trusted proxies " + proxies + " (EVENTOS_TRUSTED_PROXIES).");
    }
}
