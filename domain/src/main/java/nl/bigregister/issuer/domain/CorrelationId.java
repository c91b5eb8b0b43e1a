package nl.bigregister.issuer.domain;

import java.util.UUID;

/** Credenco's business key for one attempt at issuing; a fresh one for every attempt, never reused. */
public record CorrelationId(String value) {

    public CorrelationId {
        if (value == null || !value.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new InvalidValueException("correlationId", "must be 1 to 100 of A-Z a-z 0-9 . _ -");
        }
    }

    public static CorrelationId generate() {
        return new CorrelationId("big-" + UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value;
    }
}
