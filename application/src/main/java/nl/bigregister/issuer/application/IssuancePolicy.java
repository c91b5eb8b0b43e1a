package nl.bigregister.issuer.application;

import java.time.Duration;
import java.util.Objects;

/** The operator's settings that shape an issuance: how long an offer stays open. */
public record IssuancePolicy(Duration offerTtl) {

    public IssuancePolicy {
        Objects.requireNonNull(offerTtl, "offerTtl");
        if (offerTtl.isNegative() || offerTtl.isZero()) {
            throw new IllegalArgumentException("the offer TTL must be positive");
        }
    }

    public static IssuancePolicy defaults() {
        return new IssuancePolicy(Duration.ofMinutes(10));
    }
}
