package nl.bigregister.issuer.application.port.in;

import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.IssuanceId;

/**
 * Revokes an issued credential at Credenco. Returns {@code revoked}, or {@code issued} with a pending
 * revocation while Credenco is unavailable; a pending revocation is retried until it succeeds.
 */
public interface RevokeIssuanceUseCase {

    CredentialIssuance revoke(IssuanceId id, String reason);
}
