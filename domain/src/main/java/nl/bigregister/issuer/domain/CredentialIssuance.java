package nl.bigregister.issuer.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static nl.bigregister.issuer.domain.IssuanceStatus.CANCELLED;
import static nl.bigregister.issuer.domain.IssuanceStatus.EXPIRED;
import static nl.bigregister.issuer.domain.IssuanceStatus.FAILED;
import static nl.bigregister.issuer.domain.IssuanceStatus.ISSUED;
import static nl.bigregister.issuer.domain.IssuanceStatus.OFFERED;
import static nl.bigregister.issuer.domain.IssuanceStatus.OFFER_RETRIEVED;
import static nl.bigregister.issuer.domain.IssuanceStatus.REQUESTED;
import static nl.bigregister.issuer.domain.IssuanceStatus.REVOKED;

/**
 * The issuance of one BIG registration credential to one professional's wallet: the aggregate root.
 *
 * <pre>
 *                  offer created            wallet fetched offer         wallet accepted
 *   REQUESTED ──────────────────► OFFERED ──────────────────► OFFER_RETRIEVED ─────────► ISSUED ──► REVOKED
 *       │                           │  │                           │  │
 *       │ permanent rejection       │  └──── offer TTL passed ─────┼──┴──► EXPIRED
 *       └─────────► FAILED ◄────────┴── Credenco reports error ────┘
 *   EXPIRED or FAILED ── renew ──► REQUESTED (new attempt, new correlation id)
 *   REQUESTED, OFFERED, OFFER_RETRIEVED ── cancel ──► CANCELLED
 * </pre>
 *
 * Every attempt at Credenco has its own correlation id. Status reports arrive late, twice and out of
 * order: one about an earlier attempt, one older than the last applied, or one the issuance has already
 * passed is ignored. Revocation is two steps: {@link #revoke} records the decision (pending),
 * {@link #revocationConfirmed} records that Credenco has revoked the credential.
 */
public final class CredentialIssuance {

    private final IssuanceId id;
    private final BigNumber bigNumber;
    private final Profession profession;
    private RegistrationClaims claims;
    private final String requestedBy;
    private final BatchId batchId;
    private final Reference reference;
    private final Instant createdAt;
    private final long version;
    private final List<Attempt> attempts;
    private IssuanceStatus status;
    private CredentialOffer offer;
    private Failure failure;
    private RevocationId revocationId;
    private Revocation revocation;
    private Instant lastReportAt;
    private Instant updatedAt;
    private final List<IssuanceEvent> pendingEvents = new ArrayList<>();

    private CredentialIssuance(IssuanceId id, BigNumber bigNumber, Profession profession, RegistrationClaims claims,
                               String requestedBy, BatchId batchId,
                               Reference reference, Instant createdAt, long version, List<Attempt> attempts, IssuanceStatus status, CredentialOffer offer,
                               Failure failure, RevocationId revocationId, Revocation revocation,
                               Instant lastReportAt, Instant updatedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.bigNumber = Objects.requireNonNull(bigNumber, "bigNumber");
        this.profession = Objects.requireNonNull(profession, "profession");
        this.claims = claims;
        if (requestedBy == null || requestedBy.isBlank()) {
            throw new IllegalArgumentException("an issuance is requested by a known client");
        }
        this.requestedBy = requestedBy;
        this.batchId = batchId;
        this.reference = reference;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.version = version;
        this.status = Objects.requireNonNull(status, "status");
        // No attempt: a batch item never submitted (still requested, or cancelled or failed before its turn).
        this.attempts = new ArrayList<>(attempts);
        this.offer = offer;
        this.failure = failure;
        this.revocationId = revocationId;
        this.revocation = revocation;
        this.lastReportAt = lastReportAt;
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A new issuance, waiting to be submitted to Credenco under its first attempt. */
    public static CredentialIssuance start(IssuanceId id, RegistrationClaims claims, String requestedBy,
                                           CorrelationId correlationId, CallbackToken callbackToken, Instant now) {
        return start(id, claims, requestedBy, Optional.empty(), Optional.empty(), correlationId, callbackToken, now);
    }

    /** A new issuance, possibly an item of a batch with the batch job's reference for it. */
    public static CredentialIssuance start(IssuanceId id, RegistrationClaims claims, String requestedBy,
                                           Optional<BatchId> batchId, Optional<Reference> reference,
                                           CorrelationId correlationId, CallbackToken callbackToken, Instant now) {
        Attempt first = new Attempt(1, correlationId, callbackToken.hash(), now);
        CredentialIssuance issuance = new CredentialIssuance(id, claims.bigNumber(), claims.profession(), claims,
                requestedBy, batchId.orElse(null),
                reference.orElse(null), now, 0, List.of(first), REQUESTED, null, null, null, null, null, now);
        issuance.pendingEvents.add(new IssuanceEvent.Requested(id, Optional.of(correlationId), now));
        return issuance;
    }

    /**
     * A batch item, queued for the dispatcher: requested, with no attempt yet. Its first attempt is made
     * (and committed) when the dispatcher submits it, with a callback token only the dispatcher knows.
     */
    public static CredentialIssuance enqueue(IssuanceId id, RegistrationClaims claims, String requestedBy,
                                             BatchId batchId, Reference reference, Instant now) {
        CredentialIssuance issuance = new CredentialIssuance(id, claims.bigNumber(), claims.profession(), claims,
                requestedBy, Objects.requireNonNull(batchId, "batchId"), Objects.requireNonNull(reference, "reference"),
                now, 0, List.of(), REQUESTED, null, null, null, null, null, now);
        issuance.pendingEvents.add(new IssuanceEvent.Requested(id, Optional.empty(), now));
        return issuance;
    }

    /** Rebuilds a stored issuance as it was; raises no events and checks no transitions. */
    public static CredentialIssuance reconstitute(IssuanceId id, RegistrationClaims claims, String requestedBy,
                                                  Optional<BatchId> batchId, Optional<Reference> reference,
                                                  Instant createdAt, long version, List<Attempt> attempts,
                                                  IssuanceStatus status, Optional<CredentialOffer> offer,
                                                  Optional<Failure> failure, Optional<RevocationId> revocationId,
                                                  Optional<Revocation> revocation, Optional<Instant> lastReportAt,
                                                  Instant updatedAt) {
        return new CredentialIssuance(id, claims.bigNumber(), claims.profession(), claims, requestedBy,
                batchId.orElse(null), reference.orElse(null), createdAt, version, attempts, status,
                offer.orElse(null), failure.orElse(null), revocationId.orElse(null), revocation.orElse(null),
                lastReportAt.orElse(null), updatedAt);
    }

    /** Rebuilds a stored issuance whose personal claims were deleted after the retention period. */
    public static CredentialIssuance reconstituteWithoutClaims(IssuanceId id, BigNumber bigNumber, Profession profession,
                                                               String requestedBy, Optional<BatchId> batchId,
                                                               Optional<Reference> reference, Instant createdAt,
                                                               long version, List<Attempt> attempts,
                                                               IssuanceStatus status, Optional<Failure> failure,
                                                               Optional<RevocationId> revocationId,
                                                               Optional<Revocation> revocation,
                                                               Optional<Instant> lastReportAt, Instant updatedAt) {
        return new CredentialIssuance(id, bigNumber, profession, null, requestedBy, batchId.orElse(null),
                reference.orElse(null), createdAt, version, attempts, status, null, failure.orElse(null),
                revocationId.orElse(null), revocation.orElse(null), lastReportAt.orElse(null), updatedAt);
    }

    /** Credenco accepted the current attempt and created an offer for the wallet. */
    public void offerCreated(CredentialOffer newOffer, Instant now) {
        requireStatus("record an offer for", REQUESTED);
        if (attempts.isEmpty()) {
            throw new IllegalStateException("an offer answers an attempt, and none was made");
        }
        this.offer = Objects.requireNonNull(newOffer, "offer");
        moveTo(OFFERED, now);
        pendingEvents.add(new IssuanceEvent.OfferCreated(id, currentAttempt().correlationId(), now));
    }

    /**
     * Starts another attempt while still waiting for an offer, because the last submission may or may not
     * have reached Credenco (timeout, outage). A fresh correlation id keeps Credenco from seeing a repeat.
     */
    public void retrySubmission(CorrelationId correlationId, CallbackToken callbackToken, Instant now) {
        requireStatus("retry the submission of", REQUESTED);
        addAttempt(correlationId, callbackToken, now);
        updatedAt = now;
    }

    private void addAttempt(CorrelationId correlationId, CallbackToken callbackToken, Instant now) {
        if (attempts.stream().anyMatch(a -> a.correlationId().equals(correlationId))) {
            throw new IllegalArgumentException("a correlation id is never reused");
        }
        attempts.add(new Attempt(attempts.size() + 1, correlationId, callbackToken.hash(), now));
    }

    /** The current attempt ended in a permanent failure: a rejection by Credenco, or too many retries. */
    public void failed(Failure reason, Instant now) {
        requireStatus("fail", REQUESTED, OFFERED, OFFER_RETRIEVED);
        this.failure = Objects.requireNonNull(reason, "reason");
        moveTo(FAILED, now);
        pendingEvents.add(new IssuanceEvent.Failed(id, reason, now));
    }

    /**
     * Applies what Credenco reports about an attempt. Returns whether anything changed: a report about an
     * earlier attempt, an older report, or one the issuance has already passed changes nothing.
     */
    public boolean apply(StatusReport report, Instant now) {
        if (attempts.isEmpty() || !report.correlationId().equals(currentAttempt().correlationId())) {
            return false;
        }
        if (lastReportAt != null && report.lastUpdated().isBefore(lastReportAt)) {
            return false;
        }
        if (!acceptsReport(report.status())) {
            return false;
        }
        lastReportAt = report.lastUpdated();
        CorrelationId correlationId = report.correlationId();
        switch (report.status()) {
            case OFFER_CREATED -> {
                // Only confirms what the start call already told us: the offer exists.
                return false;
            }
            case OFFER_RETRIEVED -> {
                moveTo(OFFER_RETRIEVED, now);
                pendingEvents.add(new IssuanceEvent.OfferRetrieved(id, correlationId, now));
            }
            case COMPLETED -> {
                revocationId = report.revocationId().orElseThrow();
                moveTo(ISSUED, now);
                pendingEvents.add(new IssuanceEvent.Issued(id, correlationId, now));
            }
            case ERROR -> {
                failure = new Failure("credenco_error", report.errorMessage().orElse("Credenco reported an error"));
                moveTo(FAILED, now);
                pendingEvents.add(new IssuanceEvent.Failed(id, failure, now));
            }
        }
        return true;
    }

    private boolean acceptsReport(ReportedStatus reported) {
        return switch (status) {
            case OFFERED -> reported.progress() > 1;
            case OFFER_RETRIEVED -> reported.progress() > 2;
            // The wallet accepted after our deadline passed: the credential exists and must stay revocable.
            case EXPIRED -> reported == ReportedStatus.COMPLETED;
            // REQUESTED has no offer yet; the start call or its retry records it. Settled states stay settled.
            default -> false;
        };
    }

    /** Nobody completed the offer before its deadline. */
    public void expire(Instant now) {
        requireStatus("expire", OFFERED, OFFER_RETRIEVED);
        if (!offer.isExpiredAt(now)) {
            throw new IllegalTransitionException(id, status, "expire before " + offer.expiresAt() + " an offer of");
        }
        moveTo(EXPIRED, now);
        pendingEvents.add(new IssuanceEvent.Expired(id, now));
    }

    /** Starts a new attempt after the last one expired or failed; the old offer is gone. */
    public void renew(CorrelationId correlationId, CallbackToken callbackToken, Instant now) {
        requireStatus("renew", EXPIRED, FAILED);
        if (claims == null) {
            throw new IllegalTransitionException(id, status,
                    "renew (its personal claims were deleted after the retention period; start a new one)");
        }
        addAttempt(correlationId, callbackToken, now);
        offer = null;
        failure = null;
        lastReportAt = null;
        moveTo(REQUESTED, now);
        pendingEvents.add(new IssuanceEvent.Renewed(id, correlationId, now));
    }

    /** Withdraws an open offer; later reports about it change nothing. */
    public void cancel(Instant now) {
        requireStatus("cancel", REQUESTED, OFFERED, OFFER_RETRIEVED);
        moveTo(CANCELLED, now);
        pendingEvents.add(new IssuanceEvent.Cancelled(id, now));
    }

    /** Decides to revoke the issued credential; pending until Credenco confirms. */
    public void revoke(String reason, Instant now) {
        requireStatus("revoke", ISSUED);
        if (revocation != null) {
            throw new IllegalTransitionException(id, status, "revoke again (a revocation is pending)");
        }
        revocation = new Revocation(reason, now, Optional.empty());
        updatedAt = now;
        pendingEvents.add(new IssuanceEvent.RevocationRequested(id, revocation.reason(), now));
    }

    /** Credenco has revoked the credential. */
    public void revocationConfirmed(Instant now) {
        requireStatus("confirm a revocation of", ISSUED);
        if (revocation == null) {
            throw new IllegalTransitionException(id, status, "confirm a revocation nobody requested of");
        }
        revocation = revocation.confirmed(now);
        moveTo(REVOKED, now);
        pendingEvents.add(new IssuanceEvent.Revoked(id, now));
    }

    /**
     * Deletes the personal claims of a settled issuance once the retention period has passed; the record of
     * the issuance (BIG number, profession, status, history) stays. Does nothing if they are gone already.
     */
    public void purgeClaims(Instant now) {
        requireStatus("delete the personal claims of", ISSUED, REVOKED, FAILED, EXPIRED, CANCELLED);
        if (claims == null) {
            return;
        }
        claims = null;
        pendingEvents.add(new IssuanceEvent.ClaimsPurged(id, status, now));
    }

    private void requireStatus(String action, IssuanceStatus... allowed) {
        for (IssuanceStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new IllegalTransitionException(id, status, action);
    }

    private void moveTo(IssuanceStatus next, Instant now) {
        status = next;
        updatedAt = now;
    }

    /** The events raised since the last {@link #pullEvents()}, without forgetting them (for the audit trail). */
    public List<IssuanceEvent> pendingEvents() {
        return List.copyOf(pendingEvents);
    }

    /** Hands over the events raised since the last call, and forgets them. */
    public List<IssuanceEvent> pullEvents() {
        List<IssuanceEvent> events = List.copyOf(pendingEvents);
        pendingEvents.clear();
        return events;
    }

    /** The latest attempt; an issuance that was ever submitted has one (see {@link #latestAttempt()}). */
    public Attempt currentAttempt() {
        if (attempts.isEmpty()) {
            throw new IllegalStateException("issuance " + id + " has not been submitted yet");
        }
        return attempts.getLast();
    }

    /** The latest attempt, or empty for a batch item the dispatcher has not submitted yet. */
    public Optional<Attempt> latestAttempt() {
        return attempts.isEmpty() ? Optional.empty() : Optional.of(attempts.getLast());
    }

    public IssuanceId id() { return id; }
    /** The personal claims; empty once deleted after the retention period. */
    public Optional<RegistrationClaims> claims() { return Optional.ofNullable(claims); }
    public BigNumber bigNumber() { return bigNumber; }
    public Profession profession() { return profession; }
    public String requestedBy() { return requestedBy; }
    public Optional<BatchId> batchId() { return Optional.ofNullable(batchId); }
    public Optional<Reference> reference() { return Optional.ofNullable(reference); }
    public Instant createdAt() { return createdAt; }
    public long version() { return version; }
    public List<Attempt> attempts() { return List.copyOf(attempts); }
    public IssuanceStatus status() { return status; }
    public Optional<CredentialOffer> offer() { return Optional.ofNullable(offer); }
    public Optional<Failure> failure() { return Optional.ofNullable(failure); }
    public Optional<RevocationId> revocationId() { return Optional.ofNullable(revocationId); }
    public Optional<Revocation> revocation() { return Optional.ofNullable(revocation); }
    public Optional<Instant> lastReportAt() { return Optional.ofNullable(lastReportAt); }
    public Instant updatedAt() { return updatedAt; }

    @Override
    public String toString() {
        return "CredentialIssuance[" + id + ", " + status.wireName() + "]";
    }
}
