package io.eventos.platform.web;

import io.eventos.platform.text.SafeUrls;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Optional;

/**
 * The address of this application for links that leave it (emails): EVENTOS_BASE_URL (e.g.
 * {@code https://events.example.com}) when set, otherwise derived from the request (scheme://host:port + context
 * path). Set it in production: a derived address trusts the Host header the visitor's browser sent.
 */
public final class BaseUrl {

    private BaseUrl() {
    }

    /** Without a trailing slash, e.g. {@code https://events.example.com}. */
    public static String of(HttpServletRequest request) {
        Optional<String> configured = ConfigProvider.getConfig()
                .getOptionalValue("eventos.base.url", String.class).map(String::trim).filter(s -> !s.isEmpty());
        if (configured.isPresent()) {
            String url = SafeUrls.webLinkOrNull(configured.get());
            if (url == null) {
                throw new IllegalStateException("EVENTOS_BASE_URL='" + configured.get()
                        + "' is not an absolute http(s) address such as https://events.example.com.");
            }
            return stripSlash(url);
        }
        return derived(request.getScheme(), request.getServerName(), request.getServerPort(), request.getContextPath());
    }

    static String derived(String scheme, String host, int port, String contextPath) {
        String s = "https".equalsIgnoreCase(scheme) ? "https" : "http";
        if (host == null || !host.matches("[A-Za-z0-9.\\-]+|\\[?[0-9A-Fa-f:.]+]?")) {
            throw new IllegalStateException("The request names no usable host; set EVENTOS_BASE_URL.");
        }
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        boolean defaultPort = port <= 0 || (s.equals("http") && port == 80) || (s.equals("https") && port == 443);
        return stripSlash(s + "://" + h + (defaultPort ? "" : ":" + port) + (contextPath == null ? "" : contextPath));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
