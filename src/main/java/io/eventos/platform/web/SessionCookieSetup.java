package io.eventos.platform.web;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

/** Session cookies: HttpOnly (web.xml), SameSite=Lax (payara-web.xml) and Secure unless EVENTOS_COOKIES_SECURE=false. */
@WebListener
public class SessionCookieSetup implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        SessionCookieConfig cookie = event.getServletContext().getSessionCookieConfig();
        cookie.setHttpOnly(true);
        cookie.setSecure(ConfigProvider.getConfig()
                .getOptionalValue("eventos.cookies.secure", Boolean.class).orElse(true));
    }
}
