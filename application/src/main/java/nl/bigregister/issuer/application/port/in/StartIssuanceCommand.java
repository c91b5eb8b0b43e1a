package nl.bigregister.issuer.application.port.in;

import nl.bigregister.issuer.domain.RegistrationClaims;

import java.util.Objects;

/** Start issuing a BIG registration credential, on behalf of the authenticated client. */
public record StartIssuanceCommand(RegistrationClaims claims, String clientId) {

    public StartIssuanceCommand {
        Objects.requireNonNull(claims, "claims");
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId is required");
        }
    }
}
