package io.eventos.bench;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The paced phase of the benchmarks (BenchServer.pause): a person's pause comes before each click, and a click that
 * would come after the phase is not made. Session 21 found every client's last request sent at the phase's last
 * instant together (the last pause was cut short), a burst of 32 that made the slowest ~15 % of a list's paced
 * figures; this is the test that would have caught it.
 */
class BenchPacingTest {

    @Test
    void aClickThatWouldComeAfterThePhaseIsNotMade() throws InterruptedException {
        long end = System.nanoTime() + Duration.ofMillis(300).toNanos();
        long before = System.nanoTime();
        // a pause of 1–3 s cannot end within 300 ms: no click, and no waiting for it either
        assertThat(BenchServer.pause(Duration.ofMillis(2000), end)).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofMillis(250));
    }

    @Test
    void clientsPacedTogetherDoNotSendTheirLastRequestsAtTheEndTogether() throws InterruptedException {
        int clients = 16;
        long start = System.nanoTime();
        long end = start + Duration.ofMillis(600).toNanos();
        List<Long> sent = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                try {
                    while (BenchServer.pause(Duration.ofMillis(100), end)) {
                        sent.add(System.nanoTime());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        // every click after a pause (none at the start), each inside the phase, and no crowd at its last instant:
        // with the last pause cut short, all 16 clients clicked within the phase's final millisecond
        assertThat(sent).hasSizeGreaterThan(clients * 3)
                .allSatisfy(t -> assertThat(t).isBetween(start + Duration.ofMillis(50).toNanos(), end));
        assertThat(sent.stream().filter(t -> t > end - Duration.ofMillis(5).toNanos()).count())
                .isLessThan(clients / 2);
    }

    @Test
    void backToBackHasNoPause() throws InterruptedException {
        long before = System.nanoTime();
        assertThat(BenchServer.pause(Duration.ZERO, before + Duration.ofSeconds(10).toNanos())).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofMillis(50));
    }
}
