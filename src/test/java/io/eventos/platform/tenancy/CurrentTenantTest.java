package io.eventos.platform.tenancy;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CurrentTenantTest {

    @Test
    void nothingBoundFailsClosed() {
        assertThat(CurrentTenant.get()).isEmpty();
        assertThatThrownBy(CurrentTenant::require).isInstanceOf(NoTenantBoundException.class);
    }

    @Test
    void bindingEndsWithItsScopeAndRestoresTheOuterOne() {
        UUID outer = UUID.randomUUID();
        UUID inner = UUID.randomUUID();
        try (var a = CurrentTenant.bind(outer)) {
            try (var b = CurrentTenant.bind(inner)) {
                assertThat(CurrentTenant.require()).isEqualTo(inner);
            }
            assertThat(CurrentTenant.require()).isEqualTo(outer);
        }
        assertThat(CurrentTenant.get()).isEmpty();
    }

    @Test
    void aPooledThreadKeepsNoTenantAfterAnException() {
        UUID account = UUID.randomUUID();
        assertThatThrownBy(() -> {
            try (var scope = CurrentTenant.bind(account)) {
                throw new IllegalStateException("request failed");
            }
        }).isInstanceOf(IllegalStateException.class);
        assertThat(CurrentTenant.get()).isEmpty();
    }
}
