package nl.bigregister.issuer.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The credential issuer's account of one attempt at a moment: from a callback, a poll, or the start call. */
public record StatusReport(
        CorrelationId correlationId,
        ReportedStatus status,
        Instant lastUpdated,
        Optional<RevocationId> revocationId,
        Optional<String> errorMessage) {

    public StatusReport {
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lastUpdated, "lastUpdated");
        Objects.requireNonNull(revocationId, "revocationId");
        Objects.requireNonNull(errorMessage, "errorMessage");
        if (status == ReportedStatus.COMPLETED && revocationId.isEmpty()) {
            throw new InvalidValueException("revocation_uuid", "a completed issuance must carry its revocation id");
        }
    }
}
