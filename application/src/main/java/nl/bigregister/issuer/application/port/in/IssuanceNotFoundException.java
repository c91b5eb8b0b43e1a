package nl.bigregister.issuer.application.port.in;

import nl.bigregister.issuer.domain.IssuanceId;

/** No issuance has the requested id. */
public final class IssuanceNotFoundException extends RuntimeException {

    public IssuanceNotFoundException(IssuanceId id) {
        super("no issuance " + id);
    }
}
