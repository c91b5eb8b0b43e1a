package nl.bigregister.issuer.adapters.credenco;

import jakarta.json.bind.annotation.JsonbProperty;

/** Body of {@code POST /api/v2/credential/revoke}; not documented, assumed from the status response. */
public record RevokeRequest(@JsonbProperty("revocation_uuid") String revocationUuid) {
}
