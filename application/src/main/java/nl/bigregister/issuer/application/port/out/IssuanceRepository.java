package nl.bigregister.issuer.application.port.out;

import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.IssuanceId;

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
}
