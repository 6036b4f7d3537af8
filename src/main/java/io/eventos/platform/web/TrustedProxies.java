package io.eventos.platform.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * EVENTOS_TRUSTED_PROXIES: the reverse proxies (load balancers) whose X-Forwarded-For this application believes.
 * Comma-separated IP addresses or CIDR ranges, IPv4 or IPv6, e.g. {@code 10.0.0.0/8, 192.0.2.7, 2001:db8::/32}.
 * Empty (the default): nobody is trusted and the client address is the socket's peer.
 */
public final class TrustedProxies {

    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<Range> ranges;
    private final String text;

    private TrustedProxies(List<Range> ranges, String text) {
        this.ranges = List.copyOf(ranges);
        this.text = text;
    }

    static final TrustedProxies NONE = new TrustedProxies(List.of(), "");

    /**
     * @throws IllegalArgumentException one sentence naming the entry that is neither an IP address nor a CIDR range
     */
    public static TrustedProxies parse(String spec) {
        List<Range> ranges = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (String raw : (spec == null ? "" : spec).split(",")) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            ranges.add(range(entry).orElseThrow(() -> new IllegalArgumentException(
                    "EventOS cannot start: EVENTOS_TRUSTED_PROXIES names '" + entry + "', which is not an IP address "
                            + "or CIDR range (e.g. 10.0.0.0/8, 192.0.2.7, 2001:db8::/32).")));
            shown.add(entry);
        }
        return ranges.isEmpty() ? NONE : new TrustedProxies(ranges, String.join(", ", shown));
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** Whether this address (an IP literal; anything else is not trusted) is one of the proxies. */
    public boolean contains(InetAddress address) {
        return address != null && ranges.stream().anyMatch(range -> range.contains(address));
    }

    @Override
    public String toString() {
        return text;
    }

    /**
     * An IP address literal, never a DNS lookup: IPv4 dotted quad or IPv6 (brackets and a zone id are dropped).
     * Empty for anything else (host names, "unknown", obfuscated identifiers of RFC 7239).
     */
    static Optional<InetAddress> literal(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String a = text.strip();
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        int zone = a.indexOf('%');
        if (zone >= 0 && a.contains(":")) {
            a = a.substring(0, zone);
        }
        boolean v4 = IPV4.matcher(a).matches();
        if (v4) {
            for (String part : a.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return Optional.empty();
                }
            }
        }
        if (!v4 && !(IPV6.matcher(a).matches() && a.length() <= 45)) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(a)); // a literal: parsed, not looked up
        } catch (UnknownHostException | IllegalArgumentException notAnAddress) {
            return Optional.empty();
        }
    }

    private static Optional<Range> range(String entry) {
        int slash = entry.indexOf('/');
        Optional<InetAddress> address = literal(slash < 0 ? entry : entry.substring(0, slash));
        if (address.isEmpty()) {
            return Optional.empty();
        }
        int bits = address.get().getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String length = entry.substring(slash + 1).strip();
            if (!length.matches("[0-9]{1,3}")) {
                return Optional.empty();
            }
            prefix = Integer.parseInt(length);
            if (prefix > bits) {
                return Optional.empty();
            }
        }
        return Optional.of(new Range(address.get().getAddress(), prefix));
    }

    /** The addresses whose first {@code prefix} bits are those of {@code network}. */
    private record Range(byte[] network, int prefix) {

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (bytes[full] & mask) == (network[full] & mask);
        }
    }
}
