package io.eventos.platform.outbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxDispatcherTest {

    @Test
    void retriesWaitLongerEachTimeUpToSixHours() {
        assertThat(OutboxDispatcher.retryDelay(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(OutboxDispatcher.retryDelay(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(OutboxDispatcher.retryDelay(5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(OutboxDispatcher.retryDelay(OutboxDispatcher.MAX_ATTEMPTS - 1)).isEqualTo(Duration.ofSeconds(30 * 256));
        assertThat(OutboxDispatcher.retryDelay(60)).isEqualTo(Duration.ofHours(6));
    }
}
