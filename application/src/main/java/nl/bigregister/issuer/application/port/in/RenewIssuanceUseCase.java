package nl.bigregister.issuer.application.port.in;

import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.IssuanceId;

/** Makes a new offer for an issuance whose offer expired or failed, under a new attempt. */
public interface RenewIssuanceUseCase {

    /** Answers like a start: offered, requested (Credenco unavailable) or failed. */
    CredentialIssuance renew(IssuanceId id);
}
