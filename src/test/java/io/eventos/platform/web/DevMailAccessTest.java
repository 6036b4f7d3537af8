package io.eventos.platform.web;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DevMailAccessTest {

    @Test
    void aBrowserOnThisMachineMayReadTheOutbox() {
        assertThat(DevMailAccess.isLocal("127.0.0.1", Map.<String, String>of()::get)).isTrue();
        assertThat(DevMailAccess.isLocal("0:0:0:0:0:0:0:1", Map.<String, String>of()::get)).isTrue();
        assertThat(DevMailAccess.isLocal("::1", Map.<String, String>of()::get)).isTrue();
        assertThat(DevMailAccess.isLocal("[::1]", Map.<String, String>of()::get)).isTrue();
    }

    @Test
    void otherMachinesAndProxiedRequestsMayNot() {
        assertThat(DevMailAccess.isLocal("192.168.1.20", Map.<String, String>of()::get)).isFalse();
        assertThat(DevMailAccess.isLocal("10.0.0.1", Map.<String, String>of()::get)).isFalse();
        assertThat(DevMailAccess.isLocal("128.0.0.1", Map.<String, String>of()::get)).isFalse();
        assertThat(DevMailAccess.isLocal(null, Map.<String, String>of()::get)).isFalse();
        assertThat(DevMailAccess.isLocal("127.0.0.1", Map.of("X-Forwarded-For", "203.0.113.9")::get)).isFalse();
        assertThat(DevMailAccess.isLocal("127.0.0.1", Map.of("Forwarded", "for=203.0.113.9")::get)).isFalse();
        assertThat(DevMailAccess.isLocal("::1", Map.of("X-Real-IP", "203.0.113.9")::get)).isFalse();
    }
}
