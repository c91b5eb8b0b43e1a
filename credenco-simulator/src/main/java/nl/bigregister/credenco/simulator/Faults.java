package nl.bigregister.credenco.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Misbehaviour on demand, for reliability tests and demos: latency, an error rate, 429 with Retry-After,
 * an outage window, and dropped, duplicated or reordered callbacks. Applies to the Credenco REST API.
 */
public final class Faults {

    /** The settings in force; all off by default. */
    public record Settings(long latencyMillis, double errorRate, double rateLimitRate, int retryAfterSeconds,
                           Instant outageUntil, boolean dropCallbacks, boolean duplicateCallbacks,
                           boolean reorderCallbacks) {
        public static Settings none() {
            return new Settings(0, 0, 0, 1, Instant.EPOCH, false, false, false);
        }

        public Settings {
            if (latencyMillis < 0 || latencyMillis > 60_000) {
                throw new HttpProblem(400, "latencyMillis must be 0 to 60000", null);
            }
            if (errorRate < 0 || errorRate > 1 || rateLimitRate < 0 || rateLimitRate > 1) {
                throw new HttpProblem(400, "rates are between 0 and 1", null);
            }
            if (retryAfterSeconds < 0 || retryAfterSeconds > 3600) {
                throw new HttpProblem(400, "retryAfterSeconds must be 0 to 3600", null);
            }
            outageUntil = outageUntil == null ? Instant.EPOCH : outageUntil;
        }
    }

    private volatile Settings settings = Settings.none();

    public Settings current() {
        return settings;
    }

    public void set(Settings next) {
        settings = next;
    }

    public void reset() {
        settings = Settings.none();
    }

    /** Credenco is down from now for this long. */
    public void outageFor(Duration duration) {
        Settings s = settings;
        settings = new Settings(s.latencyMillis(), s.errorRate(), s.rateLimitRate(), s.retryAfterSeconds(),
                Instant.now().plus(duration), s.dropCallbacks(), s.duplicateCallbacks(), s.reorderCallbacks());
    }

    /** Delays, and throws the failure this API call should get, if any. */
    void beforeApiCall() {
        Settings s = settings;
        if (s.latencyMillis() > 0) {
            try {
                Thread.sleep(s.latencyMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (Instant.now().isBefore(s.outageUntil())) {
            throw new HttpProblem(503, "Service unavailable (simulated outage)", null);
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (s.rateLimitRate() > 0 && random.nextDouble() < s.rateLimitRate()) {
            throw new RateLimited(s.retryAfterSeconds());
        }
        if (s.errorRate() > 0 && random.nextDouble() < s.errorRate()) {
            throw new HttpProblem(500, "Internal server error (simulated)", null);
        }
    }

    /** A simulated 429 and how long to wait. */
    static final class RateLimited extends RuntimeException {
        final int retryAfterSeconds;

        RateLimited(int retryAfterSeconds) {
            super("Too many requests (simulated)");
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }
}
