package io.eventos.event.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventStatusTest {

    @Test
    void theLifeCycleAllowsOnlyItsMoves() {
        assertThat(EventStatus.DRAFT.canBecome(EventStatus.PUBLISHED)).isTrue();
        assertThat(EventStatus.DRAFT.canBecome(EventStatus.CANCELLED)).isTrue();
        assertThat(EventStatus.DRAFT.canBecome(EventStatus.COMPLETED)).as("a draft never happened").isFalse();
        assertThat(EventStatus.PUBLISHED.canBecome(EventStatus.COMPLETED)).isTrue();
        assertThat(EventStatus.PUBLISHED.canBecome(EventStatus.DRAFT)).as("no unpublishing").isFalse();
        for (EventStatus next : EventStatus.values()) {
            assertThat(EventStatus.CANCELLED.canBecome(next)).isFalse();
            assertThat(EventStatus.COMPLETED.canBecome(next)).isFalse();
        }
    }

    @Test
    void theEntityRefusesAMoveItsStatusDoesNotAllow() {
        Instant now = Instant.parse("2026-12-05T10:00:00Z");
        Event event = new Event("gala", "Gala", now.plus(1, ChronoUnit.DAYS), now.plus(2, ChronoUnit.DAYS),
                "Europe/Berlin", "EUR");
        assertThatThrownBy(() -> event.complete(now)).isInstanceOf(IllegalStateException.class);
        event.publish(now);
        assertThat(event.getStatus()).isEqualTo(EventStatus.PUBLISHED);
        assertThat(event.getPublishedAt()).isEqualTo(now);
        assertThatThrownBy(() -> event.publish(now)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> event.complete(now)).as("not ended yet").isInstanceOf(IllegalStateException.class);
        event.cancel("The venue flooded.");
        assertThat(event.getStatus()).isEqualTo(EventStatus.CANCELLED);
        assertThatThrownBy(() -> event.cancel("again")).isInstanceOf(IllegalStateException.class);
    }
}
