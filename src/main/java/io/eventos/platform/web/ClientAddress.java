package io.eventos.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The address of the client that sent a request: the one answer for every limit (sign-in throttle, password reset
 * requests) and for the audit log's "from where" ({@link RequestOriginFilter}).
 * <p>
 * Headers such as X-Forwarded-For, Forwarded or X-Real-IP are written by whoever sends the request, so by default
 * none of them counts: the address is the socket's peer ({@code getRemoteAddr()}). Only when that peer is one of
 * EVENTOS_TRUSTED_PROXIES is X-Forwarded-For read, from the right (each proxy appends the address it saw): the
 * first address that is not itself a trusted proxy is the client. Addresses left of it were written by the client
 * and are ignored, so prepending fake addresses changes nothing.
 */
public final class ClientAddress {

    static final String TRUSTED_PROXIES_KEY = "eventos.trusted.proxies";
    /** More hops than any real chain of proxies; a longer header is read only this far from the right. */
    private static final int MAX_HOPS = 32;

    private static volatile TrustedProxies trusted;

    private ClientAddress() {
    }

    /** The client's IP address for this request (as the container gives it when no trusted proxy is involved). */
    public static String of(HttpServletRequest request) {
        TrustedProxies proxies = trustedProxies();
        if (proxies.isEmpty()) {
            return request.getRemoteAddr();
        }
        return resolve(request.getRemoteAddr(), Collections.list(request.getHeaders("X-Forwarded-For")), proxies);
    }

    /**
     * The client's address, given the socket's peer, the X-Forwarded-For header lines (in order) and the trusted
     * proxies. Normalized ({@code InetAddress.getHostAddress()}) when an X-Forwarded-For entry decides it.
     */
    static String resolve(String peer, List<String> forwardedFor, TrustedProxies proxies) {
        Optional<InetAddress> peerAddress = TrustedProxies.literal(peer);
        if (peerAddress.isEmpty() || !proxies.contains(peerAddress.get())) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String line : forwardedFor == null ? List.<String>of() : forwardedFor) {
            if (line != null) {
                Collections.addAll(hops, line.split(","));
            }
        }
        InetAddress client = peerAddress.get();
        for (int i = hops.size() - 1; i >= Math.max(0, hops.size() - MAX_HOPS); i--) {
            Optional<InetAddress> hop = TrustedProxies.literal(withoutPort(hops.get(i).strip()));
            if (hop.isEmpty()) {
                break; // not an address (a trusted proxy wrote "unknown"): the last trusted hop answers for it
            }
            client = hop.get();
            if (!proxies.contains(client)) {
                break;
            }
        }
        return client == peerAddress.get() ? peer : client.getHostAddress();
    }

    /**
     * Whether the browser reached us over HTTPS: the connection itself is secure, or a trusted proxy
     * (EVENTOS_TRUSTED_PROXIES) says so in {@code X-Forwarded-Proto}. Anyone else's header is ignored.
     */
    public static boolean isHttps(HttpServletRequest request) {
        if (request.isSecure()) {
            return true;
        }
        return forwardedHttps(request.getRemoteAddr(), request.getHeader("X-Forwarded-Proto"), trustedProxies());
    }

    static boolean forwardedHttps(String peer, String forwardedProto, TrustedProxies proxies) {
        if (forwardedProto == null || proxies.isEmpty()) {
            return false;
        }
        Optional<InetAddress> peerAddress = TrustedProxies.literal(peer);
        String first = forwardedProto.split(",")[0].strip();
        return peerAddress.isPresent() && proxies.contains(peerAddress.get()) && "https".equalsIgnoreCase(first);
    }

    /** "192.0.2.1:4711" and "[2001:db8::1]:4711" without the port; anything else unchanged. */
    private static String withoutPort(String hop) {
        String h = hop.startsWith("\"") && hop.endsWith("\"") && hop.length() > 1
                ? hop.substring(1, hop.length() - 1) : hop;
        if (h.startsWith("[") && h.indexOf("]:") > 0) {
            return h.substring(0, h.indexOf("]:") + 1);
        }
        int colon = h.indexOf(':');
        return colon > 0 && colon == h.lastIndexOf(':') ? h.substring(0, colon) : h;
    }

    /** EVENTOS_TRUSTED_PROXIES, read once (and checked at start-up by {@link AddressSettingsCheck}). */
    static TrustedProxies trustedProxies() {
        TrustedProxies current = trusted;
        if (current == null) {
            current = TrustedProxies.parse(ConfigProvider.getConfig()
                    .getOptionalValue(TRUSTED_PROXIES_KEY, String.class).orElse(""));
            trusted = current;
        }
        return current;
    }
}
