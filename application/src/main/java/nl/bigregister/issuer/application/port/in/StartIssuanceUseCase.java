package nl.bigregister.issuer.application.port.in;

import nl.bigregister.issuer.domain.CredentialIssuance;

/**
 * A portal starts issuing one credential. Returns the issuance as it stands when the call returns:
 * {@code offered} with its QR code, {@code requested} when Credenco is unavailable (kept and retried),
 * or {@code failed} when Credenco rejected it for good.
 */
public interface StartIssuanceUseCase {

    CredentialIssuance start(StartIssuanceCommand command);
}
