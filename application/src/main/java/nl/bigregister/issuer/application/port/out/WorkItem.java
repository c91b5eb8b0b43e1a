package nl.bigregister.issuer.application.port.out;

import nl.bigregister.issuer.domain.IssuanceId;

import java.time.Instant;

/** A claimed piece of due work: which issuance, what to do, how often it was tried, since when it is pending. */
public record WorkItem(IssuanceId issuanceId, WorkKind kind, int tries, Instant dueAt, Instant since) {
}
