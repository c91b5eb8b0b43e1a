package nl.bigregister.issuer.application.port.in;

import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.IssuanceId;

/** Withdraws an open offer; what Credenco reports about it afterwards changes nothing. */
public interface CancelIssuanceUseCase {

    CredentialIssuance cancel(IssuanceId id);
}
