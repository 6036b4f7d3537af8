package io.eventos.platform.limits;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The key a limit counts a client address under (the address as {@code platform.web.ClientAddress} found it): an
 * IPv4 address as it is; an IPv6 address by its /64 network ("2001:db8:1:2::/64"), because one subscriber gets a
 * whole /64 and could otherwise take a new address for every try; anything that is no address literal as it is.
 * Null stays null (nothing to count by). Never a DNS lookup.
 */
public final class AddressKey {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private AddressKey() {
    }

    public static String of(String address) {
        if (address == null) {
            return null;
        }
        String a = address.strip();
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        int zone = a.indexOf('%');
        if (zone >= 0 && a.contains(":")) {
            a = a.substring(0, zone);
        }
        if (IPV4.matcher(a).matches()) {
            return a;
        }
        if (!a.contains(":") || !IPV6.matcher(a).matches()) {
            return address;
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(a).getAddress(); // a literal with ':' is parsed, never looked up
        } catch (UnknownHostException | IllegalArgumentException notAnAddress) {
            return address;
        }
        if (bytes.length == 4) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
        }
        return prefix.append(":/64").toString();
    }
}
