package nl.bigregister.issuer.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A decision to revoke an issued credential; pending until Credenco has confirmed it. */
public record Revocation(String reason, Instant requestedAt, Optional<Instant> confirmedAt) {

    public Revocation {
        if (reason == null || reason.isBlank()) {
            throw new InvalidValueException("reason", "must not be blank");
        }
        reason = reason.strip();
        if (reason.length() > 500) {
            throw new InvalidValueException("reason", "must be at most 500 characters");
        }
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(confirmedAt, "confirmedAt");
    }

    public boolean isPending() {
        return confirmedAt.isEmpty();
    }

    Revocation confirmed(Instant at) {
        return new Revocation(reason, requestedAt, Optional.of(at));
    }
}
