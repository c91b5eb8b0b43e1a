package nl.bigregister.issuer.application.port.out;

import nl.bigregister.issuer.domain.BigNumber;
import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.IssuanceId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where issuances are kept. Called inside a transaction of {@link Transactions}. */
public interface IssuanceRepository {

    /** Stores a new issuance. */
    void add(CredentialIssuance issuance);

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
}
