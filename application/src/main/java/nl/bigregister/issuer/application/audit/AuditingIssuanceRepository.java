package nl.bigregister.issuer.application.audit;

import nl.bigregister.issuer.application.port.out.IssuanceRepository;
import nl.bigregister.issuer.application.port.out.IssuanceSearch;
import nl.bigregister.issuer.domain.BatchId;
import nl.bigregister.issuer.domain.BigNumber;
import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.IssuanceEvent;
import nl.bigregister.issuer.domain.IssuanceId;
import nl.bigregister.issuer.domain.IssuanceStatus;
import nl.bigregister.issuer.domain.Reference;
import nl.bigregister.issuer.domain.audit.AuditAction;
import nl.bigregister.issuer.domain.audit.AuditEntry;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Records every state change of an issuance in the audit trail, in the transaction that stores it: each
 * event the aggregate raised becomes one audit entry, with the caller of the unit of work as actor.
 */
public final class AuditingIssuanceRepository implements IssuanceRepository {

    private final IssuanceRepository delegate;
    private final Auditor auditor;

    public AuditingIssuanceRepository(IssuanceRepository delegate, Auditor auditor) {
        this.delegate = delegate;
        this.auditor = auditor;
    }

    @Override
    public void add(CredentialIssuance issuance) {
        delegate.add(issuance);
        audit(issuance);
    }

    @Override
    public void addAll(List<CredentialIssuance> issuances) {
        delegate.addAll(issuances);
        auditor.recordAll(issuances.stream().flatMap(i -> entries(i).stream()).toList());
    }

    @Override
    public void update(CredentialIssuance issuance) {
        delegate.update(issuance);
        audit(issuance);
    }

    private void audit(CredentialIssuance issuance) {
        entries(issuance).forEach(auditor.trail()::append);
    }

    private List<AuditEntry> entries(CredentialIssuance issuance) {
        List<AuditEntry> entries = new java.util.ArrayList<>();
        for (IssuanceEvent event : issuance.pendingEvents()) {
            String detail = switch (event) {
                case IssuanceEvent.Failed f -> f.failure().code();
                case IssuanceEvent.RevocationRequested r -> "reason: " + r.reason();
                default -> "status " + event.status().wireName()
                        + issuance.batchId().map(b -> ", batch " + b).orElse("");
            };
            entries.add(auditor.entry(action(event), "success", Optional.of(issuance.bigNumber().value()),
                    Optional.of(issuance.id().toString()),
                    issuance.latestAttempt().map(a -> a.correlationId().value()), detail));
        }
        return entries;
    }

    static AuditAction action(IssuanceEvent event) {
        return switch (event) {
            case IssuanceEvent.Requested r -> AuditAction.ISSUANCE_REQUESTED;
            case IssuanceEvent.OfferCreated o -> AuditAction.OFFER_CREATED;
            case IssuanceEvent.OfferRetrieved o -> AuditAction.OFFER_RETRIEVED;
            case IssuanceEvent.Issued i -> AuditAction.CREDENTIAL_ISSUED;
            case IssuanceEvent.Failed f -> AuditAction.ISSUANCE_FAILED;
            case IssuanceEvent.Expired e -> AuditAction.OFFER_EXPIRED;
            case IssuanceEvent.Renewed r -> AuditAction.ISSUANCE_RENEWED;
            case IssuanceEvent.Cancelled c -> AuditAction.ISSUANCE_CANCELLED;
            case IssuanceEvent.RevocationRequested r -> AuditAction.REVOCATION_REQUESTED;
            case IssuanceEvent.Revoked r -> AuditAction.CREDENTIAL_REVOKED;
            case IssuanceEvent.ClaimsPurged p -> AuditAction.CLAIMS_PURGED;
        };
    }

    @Override
    public Optional<CredentialIssuance> find(IssuanceId id) {
        return delegate.find(id);
    }

    @Override
    public Optional<CredentialIssuance> findByCallbackTokenHash(String tokenHash) {
        return delegate.findByCallbackTokenHash(tokenHash);
    }

    @Override
    public List<IssuanceId> findExpiredOffers(Instant now, int max) {
        return delegate.findExpiredOffers(now, max);
    }

    @Override
    public List<CredentialIssuance> search(IssuanceSearch search) {
        return delegate.search(search);
    }

    @Override
    public List<IssuanceId> findLiveByBigNumber(BigNumber bigNumber) {
        return delegate.findLiveByBigNumber(bigNumber);
    }

    @Override
    public List<IssuanceId> findClaimsToPurge(Instant settledBefore, int max) {
        return delegate.findClaimsToPurge(settledBefore, max);
    }

    @Override
    public Set<Reference> existingReferences(String clientId, Collection<Reference> candidates) {
        return delegate.existingReferences(clientId, candidates);
    }

    @Override
    public Map<IssuanceStatus, Long> countByStatus(BatchId batchId) {
        return delegate.countByStatus(batchId);
    }

    @Override
    public List<IssuanceId> findRequestedInBatch(BatchId batchId, int max) {
        return delegate.findRequestedInBatch(batchId, max);
    }
}
