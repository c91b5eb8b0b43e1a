package nl.bigregister.issuer.application.fakes;

import nl.bigregister.issuer.domain.BigNumber;
import nl.bigregister.issuer.domain.CallbackToken;
import nl.bigregister.issuer.domain.CorrelationId;
import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.CredentialOffer;
import nl.bigregister.issuer.domain.IssuanceId;
import nl.bigregister.issuer.domain.PersonName;
import nl.bigregister.issuer.domain.Profession;
import nl.bigregister.issuer.domain.RegistrationClaims;
import nl.bigregister.issuer.domain.Specialism;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** Test data shared by the service tests and the repository contract. */
public final class TestIssuances {

    public static final Instant T0 = Instant.parse("2026-03-19T09:00:00Z");

    private TestIssuances() {
    }

    public static RegistrationClaims sophie() {
        return new RegistrationClaims(new BigNumber("29065432101"), new PersonName("Sophie"),
                new PersonName("de Vries"), Profession.PHYSIOTHERAPIST,
                Optional.of(new Specialism("Sports Physiotherapy")),
                LocalDate.parse("2026-03-19"), LocalDate.parse("2031-03-19"));
    }

    public static CredentialIssuance requested() {
        return CredentialIssuance.start(IssuanceId.generate(), sophie(), "portal-1", CorrelationId.generate(),
                CallbackToken.generate(), T0);
    }

    public static CredentialOffer offer(Instant expiresAt) {
        return new CredentialOffer("openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fw%2Fo%3Fid%3D1",
                "data:image/png;base64,iVBORw0KGgo=", URI.create("https://w/api/v2/issue/x"), expiresAt);
    }
}
