package nl.bigregister.issuer.application.port.in;

import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.IssuanceId;

/** Looks up one issuance. */
public interface GetIssuanceQuery {

    /** @throws IssuanceNotFoundException when there is no issuance with that id */
    CredentialIssuance get(IssuanceId id);
}
