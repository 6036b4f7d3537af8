package io.eventos.platform.limits;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AddressKeyTest {

    @Test
    void limitsCountAnIpv6ClientByItsSlash64AndAnIpv4ClientByItsAddress() {
        assertThat(AddressKey.of("203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(AddressKey.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo("2001:db8:1:2::/64");
        assertThat(AddressKey.of("2001:0db8:0001:0002::1")).as("another address of the same /64")
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(AddressKey.of("[2001:db8:1:3::1]")).isEqualTo("2001:db8:1:3::/64");
        assertThat(AddressKey.of("fe80::1%eth0")).isEqualTo("fe80:0:0:0::/64");
        assertThat(AddressKey.of("::ffff:198.51.100.7")).as("IPv4 written as IPv6").isEqualTo("198.51.100.7");
        assertThat(AddressKey.of("unknown")).isEqualTo("unknown");
        assertThat(AddressKey.of("evil.example")).as("never looked up").isEqualTo("evil.example");
        assertThat(AddressKey.of(null)).isNull();
    }
}
