package nl.bigregister.issuer.application;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The operator's settings that shape an issuance's life: how long an offer stays open, how often its
 * status is checked, how submissions are retried, and when we give up (after {@code maxAttempts}
 * submissions, or once a request has waited {@code requestMaxAge}).
 */
public record IssuancePolicy(Duration offerTtl, Duration statusPollInterval, Duration statusPollMaxInterval,
                             Duration retryInitialDelay, Duration retryMaxDelay, Duration requestMaxAge,
                             Duration workLease, int maxAttempts) {

    public IssuancePolicy {
        for (Duration d : new Duration[]{offerTtl, statusPollInterval, statusPollMaxInterval, retryInitialDelay,
                retryMaxDelay, requestMaxAge, workLease}) {
            Objects.requireNonNull(d, "every duration of the policy is required");
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("durations of the policy must be positive");
            }
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
    }

    public static IssuancePolicy defaults() {
        return new IssuancePolicy(Duration.ofMinutes(10), Duration.ofSeconds(5), Duration.ofSeconds(60),
                Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofSeconds(60), 20);
    }

    /**
     * Exponential backoff with ±20% jitter for the n-th retry (n ≥ 1), never shorter than the wait
     * Credenco asked for. Jitter keeps instances that failed together from retrying together.
     */
    public Duration retryDelay(int tries, Duration askedFor) {
        Duration backoff = jittered(exponential(retryInitialDelay, retryMaxDelay, tries));
        return backoff.compareTo(askedFor) >= 0 ? backoff : askedFor;
    }

    /** The wait before the n-th status check of an open offer: grows from the poll interval to its cap. */
    public Duration pollDelay(int tries) {
        return exponential(statusPollInterval, statusPollMaxInterval, tries);
    }

    private static Duration exponential(Duration initial, Duration max, int tries) {
        int doublings = Math.max(0, Math.min(tries - 1, 30));
        Duration d = initial.multipliedBy(1L << Math.min(doublings, 20));
        return d.compareTo(max) > 0 ? max : d;
    }

    private static Duration jittered(Duration d) {
        double factor = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis(Math.max(1, (long) (d.toMillis() * factor)));
    }
}
