package nl.bigregister.issuer.application.service;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Paces issue calls to Credenco and stops background dispatch while Credenco is down.
 * <p>
 * Limit: no window of {@code 1 s} (for a rate below 1, of one call's interval) holds more calls than the
 * rate allows, counted over both lanes on this instance. A portal's call goes at once while the window
 * has room; batch calls are spaced evenly and stop short of the limit by a reserve (2.5%, at least one
 * call when the rate allows), so a portal user finds room without waiting behind a batch. Only a burst of
 * portal calls larger than the reserve waits, and only for the window to make room, never for batch work.
 * <p>
 * Circuit breaker: after {@code failureThreshold} unavailable answers in a row, background dispatch pauses
 * (2 s, doubling to 1 min while failures go on), and at least as long as a Retry-After asks, instead of
 * burning the items' attempts on a Credenco that is down.
 */
public final class SubmissionGate {

    private static final Logger LOG = Logger.getLogger(SubmissionGate.class.getName());
    private static final long INITIAL_PAUSE = Duration.ofSeconds(2).toNanos();
    private static final long MAX_PAUSE = Duration.ofMinutes(1).toNanos();
    private static final double RESERVE = 0.025;
    /** How long a batch call stands back for a waiting portal call before it looks again. */
    private static final long YIELD = Duration.ofMillis(1).toNanos();

    /** Sleeps; replaceable in tests. */
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final int perWindow;
    private final int backgroundPerWindow;
    private final long windowNanos;
    private final long backgroundIntervalNanos;
    private final int failureThreshold;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    /** When the last {@code perWindow} calls went, oldest first (a ring). */
    private final long[] sent;
    private int oldest;
    private int count;
    private long nextBackground;
    private int portalsWaiting;
    private int consecutiveFailures;
    private long pausedUntil;
    private long pause = INITIAL_PAUSE;

    public SubmissionGate(double ratePerSecond, int failureThreshold, LongSupplier nanoTime, Sleeper sleeper) {
        if (ratePerSecond <= 0) {
            throw new IllegalArgumentException("ISSUER_CREDENCO_RATE_LIMIT must be positive");
        }
        this.perWindow = (int) Math.max(1, Math.round(ratePerSecond));
        this.windowNanos = (long) (perWindow * 1_000_000_000L / ratePerSecond);
        int reserve = perWindow >= 2 ? (int) Math.max(1, Math.ceil(perWindow * RESERVE)) : 0;
        this.backgroundPerWindow = perWindow - reserve;
        this.backgroundIntervalNanos = windowNanos / backgroundPerWindow;
        this.failureThreshold = failureThreshold;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.sent = new long[perWindow];
        this.nextBackground = nanoTime.getAsLong();
    }

    public static SubmissionGate systemGate(double ratePerSecond) {
        return new SubmissionGate(ratePerSecond, 5, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    /**
     * A portal's call: goes at once while the window has room, else when it next has, ahead of any batch
     * call. False, taking no slot, when that is further away than {@code maxWait}: portal calls alone
     * then ask more than Credenco's limit allows.
     */
    public boolean interactiveCall(Duration maxWait) throws InterruptedException {
        long giveUpAt = nanoTime.getAsLong() + maxWait.toNanos();
        synchronized (this) {
            portalsWaiting++;
        }
        try {
            while (true) {
                long wait;
                synchronized (this) {
                    long now = nanoTime.getAsLong();
                    wait = untilRoom(now, perWindow);
                    if (wait <= 0) {
                        record(now);
                        return true;
                    }
                    if (now + wait - giveUpAt > 0) {
                        return false;
                    }
                }
                sleeper.sleepNanos(wait);
            }
        } finally {
            synchronized (this) {
                portalsWaiting--;
            }
        }
    }

    /** Whether background dispatch may go on now (the breaker is closed, or its pause is over). */
    public synchronized boolean isOpenForBackground() {
        return nanoTime.getAsLong() - pausedUntil >= 0;
    }

    /**
     * Waits for the batch lane's next turn: evenly spaced, below the limit by the portal's reserve, and
     * never while a portal call waits. False when that is further away than {@code maxWait}.
     */
    public boolean awaitBackgroundSlot(Duration maxWait) throws InterruptedException {
        long giveUpAt = nanoTime.getAsLong() + maxWait.toNanos();
        while (true) {
            long wait;
            synchronized (this) {
                long now = nanoTime.getAsLong();
                wait = Math.max(nextBackground - now, untilRoom(now, backgroundPerWindow));
                if (portalsWaiting > 0) {
                    wait = Math.max(wait, YIELD);
                }
                if (wait <= 0) {
                    record(now);
                    // Keep to the schedule when a little late, so the rate holds; start afresh after a pause.
                    nextBackground = Math.max(nextBackground, now - backgroundIntervalNanos) + backgroundIntervalNanos;
                    return true;
                }
                if (now + wait - giveUpAt > 0) {
                    return false;
                }
            }
            sleeper.sleepNanos(wait);
        }
    }

    /** How long until the last window holds fewer than {@code max} calls; zero or less when it does now. */
    private long untilRoom(long now, int max) {
        while (count > 0 && now - sent[oldest] >= windowNanos) {
            oldest = (oldest + 1) % sent.length;
            count--;
        }
        if (count < max) {
            return 0;
        }
        // The (count - max + 1)-th oldest call must leave the window first.
        return sent[(oldest + count - max) % sent.length] + windowNanos - now;
    }

    private void record(long now) {
        if (count == sent.length) {
            oldest = (oldest + 1) % sent.length;
            count--;
        }
        sent[(oldest + count) % sent.length] = now;
        count++;
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
