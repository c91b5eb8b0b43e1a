package nl.bigregister.issuer.application.service;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The gate's pacing on a simulated clock: the limit in every window, the batch near it, portals first. */
class SubmissionGateTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(5 * SECOND);
    private final List<Long> calls = new ArrayList<>();

    private SubmissionGate gate(double rate) {
        return new SubmissionGate(rate, 5, now::get, now::addAndGet);
    }

    /** The most calls in any window of the given length, sliding. */
    private int busiest(long window) {
        int best = 0;
        for (int i = 0, j = 0; i < calls.size(); i++) {
            while (calls.get(i) - calls.get(j) >= window) {
                j++;
            }
            best = Math.max(best, i - j + 1);
        }
        return best;
    }

    @Test
    void theBatchAloneRunsJustBelowTheLimitAndNeverAboveIt() throws Exception {
        SubmissionGate gate = gate(50);
        for (int i = 0; i < 1000; i++) {
            assertThat(gate.awaitBackgroundSlot(Duration.ofSeconds(1))).isTrue();
            calls.add(now.get());
        }
        double seconds = (calls.getLast() - calls.getFirst()) / (double) SECOND;
        assertThat(999 / seconds).as("sustained rate").isBetween(0.95 * 50, 50.0);
        assertThat(busiest(SECOND)).isLessThanOrEqualTo(50);
    }

    @Test
    void portalCallsMixedInNeverPushTheTotalAboveTheLimit() throws Exception {
        SubmissionGate gate = gate(20);
        for (int i = 0; i < 400; i++) {
            if (i % 4 == 0) {
                assertThat(gate.interactiveCall(Duration.ofSeconds(1))).isTrue(); // a portal start now and then
            } else {
                assertThat(gate.awaitBackgroundSlot(Duration.ofSeconds(1))).isTrue();
            }
            calls.add(now.get());
        }
        assertThat(busiest(SECOND)).isLessThanOrEqualTo(20);
    }

    @Test
    void aPortalBurstWaitsOnlyForTheWindowToMakeRoom() throws Exception {
        SubmissionGate gate = gate(10);
        long start = now.get();
        for (int i = 0; i < 10; i++) {
            assertThat(gate.interactiveCall(Duration.ZERO)).isTrue();
        }
        assertThat(now.get()).as("ten portal calls fit in the first second").isEqualTo(start);
        assertThat(gate.awaitBackgroundSlot(Duration.ofMillis(500))).as("the batch finds no room").isFalse();
        assertThat(gate.interactiveCall(Duration.ofMillis(500))).as("nor a portal call that may not wait").isFalse();
        assertThat(now.get()).isEqualTo(start);
        assertThat(gate.interactiveCall(Duration.ofSeconds(1))).isTrue();
        assertThat(now.get() - start).as("the eleventh waits for the first to leave the window").isEqualTo(SECOND);
    }

    @Test
    void belowOneCallPerSecondTheWindowIsOneInterval() throws Exception {
        SubmissionGate gate = gate(0.5);
        assertThat(gate.interactiveCall(Duration.ZERO)).isTrue();
        long first = now.get();
        assertThat(gate.awaitBackgroundSlot(Duration.ofSeconds(3))).isTrue();
        assertThat(now.get() - first).isEqualTo(2 * SECOND);
    }
}
