package nl.bigregister.issuer.domain;

import java.time.Instant;
import java.util.Objects;

/** One try at having Credenco issue the credential, with its own correlation id and callback secret. */
public record Attempt(int number, CorrelationId correlationId, String callbackTokenHash, Instant startedAt) {

    public Attempt {
        if (number < 1) {
            throw new IllegalArgumentException("attempt numbers start at 1");
        }
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(callbackTokenHash, "callbackTokenHash");
        Objects.requireNonNull(startedAt, "startedAt");
    }
}
