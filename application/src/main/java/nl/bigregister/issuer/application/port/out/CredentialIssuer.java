package nl.bigregister.issuer.application.port.out;

import nl.bigregister.issuer.domain.CorrelationId;
import nl.bigregister.issuer.domain.CredentialOffer;
import nl.bigregister.issuer.domain.RevocationId;
import nl.bigregister.issuer.domain.StatusReport;

import java.net.URI;

/**
 * The party that creates, signs and revokes the credential (Credenco). Every method either answers or
 * throws {@link CredentialIssuerUnavailableException} (try again later) or
 * {@link CredentialIssuerRejectedException} (do not try again).
 */
public interface CredentialIssuer {

    CredentialOffer createOffer(OfferRequest request);

    /** The authoritative status of one attempt, asked at the status location the offer named. */
    StatusReport fetchStatus(CorrelationId correlationId, URI statusUri);

    void revoke(RevocationId revocationId);
}
