package nl.bigregister.issuer.application.port.in;

import nl.bigregister.issuer.domain.audit.ChainVerification;

/** Proves the trail intact, or names the first event that is not. */
public interface VerifyAuditTrailUseCase {

    ChainVerification.Result verify();
}
