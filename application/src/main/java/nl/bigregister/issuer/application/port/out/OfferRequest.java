package nl.bigregister.issuer.application.port.out;

import nl.bigregister.issuer.domain.CallbackToken;
import nl.bigregister.issuer.domain.CorrelationId;
import nl.bigregister.issuer.domain.RegistrationClaims;

import java.time.Instant;
import java.util.Objects;

/** What the credential issuer needs to create an offer for one attempt. */
public record OfferRequest(CorrelationId correlationId, RegistrationClaims claims, CallbackToken callbackToken,
                           Instant expiresAt) {

    public OfferRequest {
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(callbackToken, "callbackToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
