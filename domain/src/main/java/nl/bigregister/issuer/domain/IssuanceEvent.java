package nl.bigregister.issuer.domain;

import java.time.Instant;
import java.util.Optional;

/** Something that happened to a CredentialIssuance, raised by the aggregate for whoever listens. */
public sealed interface IssuanceEvent {

    IssuanceId issuanceId();

    Instant occurredAt();

    /** The status the issuance has after the event. */
    IssuanceStatus status();

    /** Requested; a batch item has no attempt, so no correlation id, until the dispatcher submits it. */
    record Requested(IssuanceId issuanceId, Optional<CorrelationId> correlationId, Instant occurredAt) implements IssuanceEvent {
        public IssuanceStatus status() { return IssuanceStatus.REQUESTED; }
    }

    record OfferCreated(IssuanceId issuanceId, CorrelationId correlationId, Instant occurredAt) implements IssuanceEvent {
        public IssuanceStatus status() { return IssuanceStatus.OFFERED; }
    }

    record OfferRetrieved(IssuanceId issuanceId, CorrelationId correlationId, Instant occurredAt) implements IssuanceEvent {
        public IssuanceStatus status() { return IssuanceStatus.OFFER_RETRIEVED; }
    }

    record Issued(IssuanceId issuanceId, CorrelationId correlationId, Instant occurredAt) implements IssuanceEvent {
        public IssuanceStatus status() { return IssuanceStatus.ISSUED; }
    }

    record Failed(IssuanceId issuanceId, Failure failure, Instant occurredAt) implements IssuanceEvent {
        public IssuanceStatus status() { return IssuanceStatus.FAILED; }
    }

    record Expired(IssuanceId issuanceId, Instant occurredAt) implements IssuanceEvent {
        public IssuanceStatus status() { return IssuanceStatus.EXPIRED; }
    }

    record Renewed(IssuanceId issuanceId, CorrelationId correlationId, Instant occurredAt) implements IssuanceEvent {
        public IssuanceStatus status() { return IssuanceStatus.REQUESTED; }
    }

    record Cancelled(IssuanceId issuanceId, Instant occurredAt) implements IssuanceEvent {
        public IssuanceStatus status() { return IssuanceStatus.CANCELLED; }
    }

    record RevocationRequested(IssuanceId issuanceId, String reason, Instant occurredAt) implements IssuanceEvent {
        public IssuanceStatus status() { return IssuanceStatus.ISSUED; }
    }

    record ClaimsPurged(IssuanceId issuanceId, IssuanceStatus status, Instant occurredAt) implements IssuanceEvent {
    }

    record Revoked(IssuanceId issuanceId, Instant occurredAt) implements IssuanceEvent {
        public IssuanceStatus status() { return IssuanceStatus.REVOKED; }
    }
}
