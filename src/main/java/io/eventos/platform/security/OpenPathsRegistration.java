package io.eventos.platform.security;

import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.security.auth.message.config.AuthConfigProvider;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

import java.util.logging.Logger;

/**
 * Puts {@link OpenPathsAuthentication} in front of Jakarta Security's provider for this application, once at start.
 * Jakarta Security (Soteria) registers its provider from a {@code ServletContainerInitializer}, and those run
 * before any listener is told the context started, so here it is registered already: this takes it from the
 * factory and registers the wrapper under the same message layer and application context (Servlet Container
 * Profile: "HttpServlet", host name + " " + context path), which replaces the registration. The container is
 * notified of the replacement (its registration listener) and uses the wrapper from its next request on.
 */
@WebListener
public class OpenPathsRegistration implements ServletContextListener {

    static final String LAYER = "HttpServlet";

    private static final Logger LOG = Logger.getLogger(OpenPathsRegistration.class.getName());

    private String registrationId;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        String appContext = context.getVirtualServerName() + " " + context.getContextPath();
        AuthConfigFactory factory = AuthConfigFactory.getFactory();
        AuthConfigProvider bridge = factory.getConfigProvider(LAYER, appContext, null);
        if (bridge == null) {
            LOG.warning(() -> "No Jakarta Authentication provider for " + appContext
                    + ": open paths are not set apart (nothing to set them apart from).");
            return;
        }
        registrationId = factory.registerConfigProvider(new OpenPathsAuthentication(bridge), LAYER, appContext,
                "EventOS: Jakarta Security, except on open paths (io.eventos.platform.security.OpenPaths)");
        LOG.info(() -> "Requests for " + OpenPaths.PREFIXES + " that need no sign-in skip Jakarta Security's "
                + "per-request authentication (" + appContext + ")");
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (registrationId != null) {
            AuthConfigFactory.getFactory().removeRegistration(registrationId);
        }
    }
}
