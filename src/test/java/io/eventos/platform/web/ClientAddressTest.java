package io.eventos.platform.web;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientAddressTest {

    private static final TrustedProxies NONE = TrustedProxies.parse("");
    private static final TrustedProxies PROXIES = TrustedProxies.parse("10.0.0.0/8, 192.0.2.7, 2001:db8:1::/48");

    /** Issue 13, finding 8: HSTS is sent when the browser came over HTTPS, which only a trusted proxy may tell. */
    @Test
    void onlyATrustedProxySaysTheBrowserCameOverHttps() {
        assertThat(ClientAddress.forwardedHttps("10.1.2.3", "https", PROXIES)).isTrue();
        assertThat(ClientAddress.forwardedHttps("10.1.2.3", "HTTPS, http", PROXIES)).isTrue();
        assertThat(ClientAddress.forwardedHttps("10.1.2.3", "http", PROXIES)).isFalse();
        assertThat(ClientAddress.forwardedHttps("203.0.113.9", "https", PROXIES)).as("anyone else's header").isFalse();
        assertThat(ClientAddress.forwardedHttps("10.1.2.3", "https", NONE)).as("no trusted proxies").isFalse();
        assertThat(ClientAddress.forwardedHttps("10.1.2.3", null, PROXIES)).isFalse();
    }

    @Test
    void withoutTrustedProxiesEveryForwardingHeaderIsIgnored() {
        assertThat(ClientAddress.resolve("198.51.100.23", List.of("203.0.113.9"), NONE)).isEqualTo("198.51.100.23");
        assertThat(ClientAddress.resolve("10.1.2.3", List.of("203.0.113.9"), NONE)).isEqualTo("10.1.2.3");
    }

    @Test
    void aPeerThatIsNoTrustedProxyIsTheClientWhateverItForwards() {
        assertThat(ClientAddress.resolve("198.51.100.23", List.of("203.0.113.9, 10.0.0.1"), PROXIES))
                .isEqualTo("198.51.100.23");
    }

    @Test
    void behindATrustedProxyTheRightMostUntrustedAddressIsTheClient() {
        assertThat(ClientAddress.resolve("10.0.0.5", List.of("203.0.113.9"), PROXIES)).isEqualTo("203.0.113.9");
        // two proxies of ours: the load balancer appended the client, the inner proxy the load balancer
        assertThat(ClientAddress.resolve("10.0.0.5", List.of("203.0.113.9, 192.0.2.7"), PROXIES))
                .isEqualTo("203.0.113.9");
        // no header at all: the proxy itself
        assertThat(ClientAddress.resolve("10.0.0.5", List.of(), PROXIES)).isEqualTo("10.0.0.5");
    }

    @Test
    void addressesTheClientPrependsAreIgnored() {
        // the client sent "X-Forwarded-For: 1.2.3.4, 10.0.0.99" itself; our proxy appended the real peer
        assertThat(ClientAddress.resolve("10.0.0.5", List.of("1.2.3.4, 10.0.0.99, 198.51.100.23"), PROXIES))
                .isEqualTo("198.51.100.23");
        // a forged header line of its own, then our proxy's line
        assertThat(ClientAddress.resolve("10.0.0.5", List.of("1.2.3.4", "198.51.100.23"), PROXIES))
                .isEqualTo("198.51.100.23");
        // rotating the forged part does not change the answer (the throttle key stays the same)
        for (int i = 1; i < 50; i++) {
            assertThat(ClientAddress.resolve("10.0.0.5", List.of("203.0.113." + i + ", 198.51.100.23"), PROXIES))
                    .isEqualTo("198.51.100.23");
        }
    }

    @Test
    void whenEveryHopIsTrustedTheLeftMostIsTheClient() {
        assertThat(ClientAddress.resolve("10.0.0.5", List.of("10.9.9.9, 192.0.2.7"), PROXIES)).isEqualTo("10.9.9.9");
    }

    @Test
    void somethingThatIsNoAddressStopsAtTheLastTrustedHop() {
        assertThat(ClientAddress.resolve("10.0.0.5", List.of("198.51.100.23, unknown"), PROXIES)).isEqualTo("10.0.0.5");
        assertThat(ClientAddress.resolve("10.0.0.5", List.of("evil.example"), PROXIES)).isEqualTo("10.0.0.5");
        assertThat(ClientAddress.resolve("10.0.0.5", List.of("198.51.100.23, _hidden, 10.0.0.6"), PROXIES))
                .isEqualTo("10.0.0.6");
    }

    @Test
    void portsBracketsAndIpv6AreUnderstood() {
        assertThat(ClientAddress.resolve("10.0.0.5", List.of("198.51.100.23:4711"), PROXIES))
                .isEqualTo("198.51.100.23");
        assertThat(ClientAddress.resolve("10.0.0.5", List.of("[2001:db8:2::7]:443"), PROXIES))
                .isEqualTo("2001:db8:2:0:0:0:0:7");
        assertThat(ClientAddress.resolve("2001:db8:1:ff::1", List.of("2001:db8:2::7, 2001:db8:1::2"), PROXIES))
                .isEqualTo("2001:db8:2:0:0:0:0:7");
        assertThat(ClientAddress.resolve("0:0:0:0:0:ffff:a00:5", List.of("198.51.100.23"), PROXIES))
                .as("an IPv4-mapped IPv6 peer in a trusted IPv4 range").isEqualTo("198.51.100.23");
    }

    @Test
    void cidrRangesOfBothFamilies() throws Exception {
        TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8,172.16.0.0/12, 192.0.2.7/32, 2001:db8::/32, "
                + "fd00::/8, ::1, 100.64.0.0/10, 198.51.100.128/25");
        assertThat(proxies.contains(ip("10.255.255.255"))).isTrue();
        assertThat(proxies.contains(ip("11.0.0.0"))).isFalse();
        assertThat(proxies.contains(ip("172.31.255.1"))).isTrue();
        assertThat(proxies.contains(ip("172.32.0.1"))).isFalse();
        assertThat(proxies.contains(ip("192.0.2.7"))).isTrue();
        assertThat(proxies.contains(ip("192.0.2.8"))).isFalse();
        assertThat(proxies.contains(ip("100.127.255.255"))).isTrue();
        assertThat(proxies.contains(ip("100.128.0.0"))).isFalse();
        assertThat(proxies.contains(ip("198.51.100.200"))).isTrue();
        assertThat(proxies.contains(ip("198.51.100.127"))).isFalse();
        assertThat(proxies.contains(ip("2001:db8:ffff::1"))).isTrue();
        assertThat(proxies.contains(ip("2001:db9::1"))).isFalse();
        assertThat(proxies.contains(ip("fdab::1"))).isTrue();
        assertThat(proxies.contains(ip("fe80::1"))).isFalse();
        assertThat(proxies.contains(ip("0:0:0:0:0:0:0:1"))).isTrue();
        assertThat(proxies.contains(ip("0:0:0:0:0:0:0:2"))).isFalse();
        assertThat(TrustedProxies.parse("0.0.0.0/0").contains(ip("203.0.113.9"))).isTrue();
        assertThat(TrustedProxies.parse("0.0.0.0/0").contains(ip("2001:db8::1"))).as("another family").isFalse();
        assertThat(TrustedProxies.parse(" , ").isEmpty()).isTrue();
    }

    @Test
    void anEntryThatIsNoAddressOrRangeStopsTheStartWithOneSentence() {
        for (String wrong : List.of("proxy.internal", "10.0.0.0/33", "2001:db8::/129", "10.0.0.256", "10.0.0/8",
                "10.0.0.1/", "10.0.0.1/x", "1.2.3.4.5")) {
            assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.1, " + wrong)).as(wrong)
                    .hasMessage("EventOS cannot start: EVENTOS_TRUSTED_PROXIES names '" + wrong + "', which is not "
                            + "an IP address or CIDR range (e.g. 10.0.0.0/8, 192.0.2.7, 2001:db8::/32).");
        }
    }

    @Test
    void literalsAreParsedNeverLookedUp() {
        assertThat(TrustedProxies.literal("localhost")).isEmpty();
        assertThat(TrustedProxies.literal("example.com")).isEmpty();
        assertThat(TrustedProxies.literal("1234")).isEmpty();
        assertThat(TrustedProxies.literal("[::1]")).isPresent();
        assertThat(TrustedProxies.literal("fe80::1%eth0")).isPresent();
    }

    private static InetAddress ip(String literal) {
        return TrustedProxies.literal(literal).orElseThrow();
    }
}
