package io.eventos.platform.web;

import io.eventos.platform.text.SafeUrls;
import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The public address of this application for links that leave it: links in emails (password reset, invitations,
 * email verification, order links, ...) and the absolute addresses on public pages (canonical link, og:url,
 * JSON-LD, calendar files), which are cached and served to every visitor. A request's Host header is chosen by
 * whoever sends the request, so it never decides such a link on its own:
 * <ol>
 *   <li>EVENTOS_BASE_URL (e.g. {@code https://events.example.com}) when set: always, whatever the request says. The
 *       run command and the test server set it to their own address.</li>
 *   <li>Otherwise the request's own address, but only if its host is listed in EVENTOS_ALLOWED_HOSTS.</li>
 *   <li>Otherwise there is none: {@link #of} refuses with {@link NoBaseUrlException} (the user sees a page that
 *       says the email cannot be sent, the log says what to set; nothing is changed or sent), and
 *       {@link #forPage} gives links without a host (the context path), which a Host header cannot change.</li>
 * </ol>
 * The settings are read once and checked at start-up ({@link AddressSettingsCheck}).
 */
public final class BaseUrl {

    static final String BASE_URL_KEY = "eventos.base.url";
    static final String ALLOWED_HOSTS_KEY = "eventos.allowed.hosts";

    private static volatile Settings settings;

    private BaseUrl() {
    }

    /**
     * The address for links in emails, without a trailing slash, e.g. {@code https://events.example.com}. Call it
     * before the action that sends the email, so that a refusal changes nothing.
     *
     * @throws NoBaseUrlException when EVENTOS_BASE_URL is not set and the request's host is not allowed
     */
    public static String of(HttpServletRequest request) {
        return settings().forRequest(request.getScheme(), request.getServerName(), request.getServerPort(),
                        request.getContextPath())
                .orElseThrow(() -> new NoBaseUrlException(request.getServerName()));
    }

    /**
     * The address for absolute links on public pages: as {@link #of}, but without a trusted address the links name
     * no host at all (the context path, "" at the root), so a cached page can never carry a visitor's Host header.
     */
    public static String forPage(HttpServletRequest request) {
        return settings().forPage(request.getScheme(), request.getServerName(), request.getServerPort(),
                request.getContextPath());
    }

    /**
     * EVENTOS_BASE_URL alone, for links in emails that no request causes (the weekly summary): without a request
     * there is no host that EVENTOS_ALLOWED_HOSTS could allow, so without the setting there is no address.
     */
    public static Optional<String> configured() {
        return Optional.ofNullable(settings().configured());
    }

    /** The settings from MicroProfile Config, read once. */
    static Settings settings() {
        Settings current = settings;
        if (current == null) {
            Config config = ConfigProvider.getConfig();
            current = Settings.parse(config.getOptionalValue(BASE_URL_KEY, String.class).orElse(""),
                    config.getOptionalValue(ALLOWED_HOSTS_KEY, String.class).orElse(""));
            settings = current;
        }
        return current;
    }

    /**
     * EVENTOS_BASE_URL (null when not set) and EVENTOS_ALLOWED_HOSTS: host names or IP addresses, each optionally
     * with {@code :port} (without a port any port of that host is allowed), compared without regard to case.
     */
    record Settings(String configured, Set<String> allowedHosts) {

        static Settings parse(String baseUrl, String allowedHosts) {
            String configured = null;
            if (baseUrl != null && !baseUrl.isBlank()) {
                String url = SafeUrls.webLinkOrNull(baseUrl.strip());
                URI uri = url == null ? null : URI.create(url);
                if (uri == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                        || uri.getRawFragment() != null) {
                    throw new IllegalArgumentException("EventOS cannot start: EVENTOS_BASE_URL='" + baseUrl.strip()
                            + "' is not an absolute http(s) address such as https://events.example.com.");
                }
                configured = stripSlash(url);
            }
            Set<String> hosts = new LinkedHashSet<>();
            for (String entry : (allowedHosts == null ? "" : allowedHosts).split(",")) {
                String host = entry.strip().toLowerCase(Locale.ROOT);
                if (host.isEmpty()) {
                    continue;
                }
                if (!host.matches("(\\[[0-9a-f:.]+]|[a-z0-9.\\-]+)(:[0-9]{1,5})?|[0-9a-f:.]*:[0-9a-f:.]*")) {
                    throw new IllegalArgumentException("EventOS cannot start: EVENTOS_ALLOWED_HOSTS names '"
                            + entry.strip() + "', which is not a host name or IP address (optionally with :port), "
                            + "e.g. events.example.com,localhost:8080.");
                }
                hosts.add(bracketIpv6(host));
            }
            return new Settings(configured, Set.copyOf(hosts));
        }

        /** The address for a request with this scheme, Host header (name and port) and context path, if trusted. */
        Optional<String> forRequest(String scheme, String host, int port, String contextPath) {
            if (configured != null) {
                return Optional.of(configured);
            }
            if (host == null || allowedHosts.isEmpty()) {
                return Optional.empty();
            }
            String name = bracketIpv6(host.toLowerCase(Locale.ROOT));
            if (!allowedHosts.contains(name) && !allowedHosts.contains(name + ":" + port)) {
                return Optional.empty();
            }
            return Optional.of(derived(scheme, host, port, contextPath));
        }

        /** As {@link #forRequest}, else the context path alone: links without a host. */
        String forPage(String scheme, String host, int port, String contextPath) {
            return forRequest(scheme, host, port, contextPath)
                    .orElseGet(() -> stripSlash(contextPath == null ? "" : contextPath));
        }

        /** One sentence for the start-up log: where links point. */
        String describe() {
            if (configured != null) {
                return "Links in emails and on public pages use " + configured + " (EVENTOS_BASE_URL).";
            }
            return "EVENTOS_BASE_URL is not set: emails with links are sent only for requests to "
                    + (allowedHosts.isEmpty() ? "an allowed host, and EVENTOS_ALLOWED_HOSTS lists none, so every "
                    + "such email (password reset, invitations, order links, ...) is refused"
                    : "the hosts in EVENTOS_ALLOWED_HOSTS (" + String.join(", ", allowedHosts) + ") and refused "
                    + "for any other") + "; public pages link without a host name. Set EVENTOS_BASE_URL to the "
                    + "public address, e.g. https://events.example.com.";
        }
    }

    static String derived(String scheme, String host, int port, String contextPath) {
        String s = "https".equalsIgnoreCase(scheme) ? "https" : "http";
        if (host == null || !host.matches("[A-Za-z0-9.\\-]+|\\[?[0-9A-Fa-f:.]+]?")) {
            throw new IllegalStateException("The request names no usable host; set EVENTOS_BASE_URL.");
        }
        String h = bracketIpv6(host);
        boolean defaultPort = port <= 0 || (s.equals("http") && port == 80) || (s.equals("https") && port == 443);
        return stripSlash(s + "://" + h + (defaultPort ? "" : ":" + port) + (contextPath == null ? "" : contextPath));
    }

    private static String bracketIpv6(String host) {
        return host.contains(":") && !host.startsWith("[") && host.indexOf(':') != host.lastIndexOf(':')
                ? "[" + host + "]" : host;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
