package nl.bigregister.issuer.application.service;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Paces issue calls to Credenco and stops background dispatch while Credenco is down.
 * <p>
 * Pacing: at most {@code ratePerSecond} issue calls per second from this instance, spaced evenly (a slot
 * every 1/rate s), so no one-second window sees a burst. A portal's call takes the next slot without
 * waiting — a user is never queued behind a batch; the batch waits for the slot after.
 * <p>
 * Circuit breaker: after {@code failureThreshold} unavailable answers in a row, background dispatch pauses
 * (2 s, doubling to 1 min while failures go on), and at least as long as a Retry-After asks, instead of
 * burning the items' attempts on a Credenco that is down.
 */
public final class SubmissionGate {

    private static final Logger LOG = Logger.getLogger(SubmissionGate.class.getName());
    private static final long INITIAL_PAUSE = Duration.ofSeconds(2).toNanos();
    private static final long MAX_PAUSE = Duration.ofMinutes(1).toNanos();

    /** Sleeps; replaceable in tests. */
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final long intervalNanos;
    private final int failureThreshold;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private long nextSlot;
    private int consecutiveFailures;
    private long pausedUntil;
    private long pause = INITIAL_PAUSE;

    public SubmissionGate(double ratePerSecond, int failureThreshold, LongSupplier nanoTime, Sleeper sleeper) {
        if (ratePerSecond <= 0) {
            throw new IllegalArgumentException("ISSUER_CREDENCO_RATE_LIMIT must be positive");
        }
        this.intervalNanos = (long) (1_000_000_000L / ratePerSecond);
        this.failureThreshold = failureThreshold;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.nextSlot = nanoTime.getAsLong();
    }

    public static SubmissionGate systemGate(double ratePerSecond) {
        return new SubmissionGate(ratePerSecond, 5, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    /** A portal's call: takes a slot now, never waits. */
    public synchronized void interactiveCall() {
        nextSlot = Math.max(nextSlot, nanoTime.getAsLong()) + intervalNanos;
    }

    /** Whether background dispatch may go on now (the breaker is closed, or its pause is over). */
    public synchronized boolean isOpenForBackground() {
        return nanoTime.getAsLong() - pausedUntil >= 0;
    }

    /** Waits for the next slot of a background call; false when it is further away than {@code maxWait}. */
    public boolean awaitBackgroundSlot(Duration maxWait) throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = nanoTime.getAsLong();
            long slot = Math.max(nextSlot, now);
            wait = slot - now;
            if (wait > maxWait.toNanos()) {
                return false;
            }
            nextSlot = slot + intervalNanos;
        }
        if (wait > 0) {
            sleeper.sleepNanos(wait);
        }
        return true;
    }

    public synchronized void succeeded() {
        consecutiveFailures = 0;
        pause = INITIAL_PAUSE;
    }

    /** Credenco could not take a call; {@code retryAfter} is what it asked for, if anything. */
    public synchronized void unavailable(Duration retryAfter) {
        long now = nanoTime.getAsLong();
        if (!retryAfter.isZero()) {
            pausedUntil = Math.max(pausedUntil, now + retryAfter.toNanos());
        }
        if (++consecutiveFailures >= failureThreshold) {
            pausedUntil = Math.max(pausedUntil, now + pause);
            long seconds = pause / 1_000_000_000L;
            LOG.warning(() -> "Credenco unavailable " + consecutiveFailures + " times in a row; dispatch pauses " + seconds + " s");
            pause = Math.min(pause * 2, MAX_PAUSE);
            consecutiveFailures = 0;
        }
    }
}
