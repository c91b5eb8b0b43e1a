package nl.bigregister.issuer.domain.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One audit event before it is chained: what happened, with what outcome, who did it and on whose behalf,
 * about which professional (BIG number) and issuance, from where. Never an API key, never a name.
 */
public record AuditEntry(Instant occurredAt, AuditAction action, String outcome, String actor,
                         Optional<String> onBehalfOf, Optional<String> subject, Optional<String> issuanceId,
                         Optional<String> correlationId, Optional<String> sourceAddress, String detail) {

    public AuditEntry {
        // Microseconds: what the databases keep, so the hash over a stored event can be computed again.
        occurredAt = Objects.requireNonNull(occurredAt, "occurredAt").truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Objects.requireNonNull(action, "action");
        outcome = bounded(Objects.requireNonNull(outcome, "outcome"), 40);
        actor = bounded(Objects.requireNonNull(actor, "actor"), 100);
        onBehalfOf = onBehalfOf.map(v -> bounded(v, 200));
        subject = subject.map(v -> bounded(v, 20));
        issuanceId = issuanceId.map(v -> bounded(v, 40));
        correlationId = correlationId.map(v -> bounded(v, 100));
        sourceAddress = sourceAddress.map(v -> bounded(v, 100));
        detail = bounded(detail == null ? "" : detail, 500);
    }

    private static String bounded(String text, int max) {
        String clean = text.replaceAll("\\p{Cntrl}", " ");
        return clean.length() <= max ? clean : clean.substring(0, max);
    }
}
