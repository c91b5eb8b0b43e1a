package nl.bigregister.issuer.application.port.out;

import nl.bigregister.issuer.domain.BatchId;
import nl.bigregister.issuer.domain.BigNumber;
import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.IssuanceId;
import nl.bigregister.issuer.domain.IssuanceStatus;
import nl.bigregister.issuer.domain.Reference;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/** Where issuances are kept. Called inside a transaction of {@link Transactions}. */
public interface IssuanceRepository {

    /** Stores a new issuance. */
    void add(CredentialIssuance issuance);

    /** Stores many new issuances at once (a batch); issuances loaded earlier in the transaction are forgotten. */
    void addAll(List<CredentialIssuance> issuances);

    /**
     * Stores the changes to an issuance loaded earlier.
     *
     * @throws ConcurrentUpdateException when someone else changed it since it was loaded
     */
    void update(CredentialIssuance issuance);

    Optional<CredentialIssuance> find(IssuanceId id);

    /** The issuance one of whose attempts has this callback token hash. */
    Optional<CredentialIssuance> findByCallbackTokenHash(String tokenHash);

    /** Open offers whose deadline has passed, at most {@code max}, skipping rows others are changing. */
    List<IssuanceId> findExpiredOffers(Instant now, int max);

    /** A page of issuances, oldest first; one more than the limit tells whether more follow. */
    List<CredentialIssuance> search(IssuanceSearch search);

    /** Every issuance of one professional that is open or issued: what striking off must act on. */
    List<IssuanceId> findLiveByBigNumber(BigNumber bigNumber);

    /** Settled issuances, last changed before {@code settledBefore}, that still hold personal claims. */
    List<IssuanceId> findClaimsToPurge(Instant settledBefore, int max);

    /** Which of these references the client has used before. */
    Set<Reference> existingReferences(String clientId, Collection<Reference> candidates);

    /** How many issuances of the batch are in each status. */
    Map<IssuanceStatus, Long> countByStatus(BatchId batchId);

    /** Up to {@code max} issuances of the batch still waiting to be submitted. */
    List<IssuanceId> findRequestedInBatch(BatchId batchId, int max);
}
