package nl.bigregister.issuer.domain;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** Builds issuances in every status for the domain tests. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2026-03-19T09:00:00Z");

    private Fixtures() {
    }

    static RegistrationClaims sophie() {
        return new RegistrationClaims(new BigNumber("29065432101"), new PersonName("Sophie"),
                new PersonName("de Vries"), Profession.PHYSIOTHERAPIST,
                Optional.of(new Specialism("Sports Physiotherapy")),
                LocalDate.parse("2026-03-19"), LocalDate.parse("2031-03-19"));
    }

    static CredentialOffer offer(Instant expiresAt) {
        return new CredentialOffer("openid-credential-offer://?credential_offer_uri=https%3A%2F%2Fx",
                "data:image/png;base64,iVBORw0KGgo=", URI.create("https://x/api/v2/issue/1"), expiresAt);
    }

    static CredentialIssuance requested() {
        return CredentialIssuance.start(IssuanceId.generate(), sophie(), "portal-1",
                CorrelationId.generate(), CallbackToken.generate(), T0);
    }

    static StatusReport report(CredentialIssuance issuance, ReportedStatus status, Instant at) {
        return new StatusReport(issuance.currentAttempt().correlationId(), status, at,
                status == ReportedStatus.COMPLETED ? Optional.of(new RevocationId("rev-1")) : Optional.empty(),
                Optional.empty());
    }

    /** An issuance brought to the given status through legal transitions only. */
    static CredentialIssuance in(IssuanceStatus status) {
        CredentialIssuance i = requested();
        switch (status) {
            case REQUESTED -> { }
            case OFFERED -> i.offerCreated(offer(T0.plusSeconds(600)), T0.plusSeconds(1));
            case OFFER_RETRIEVED -> {
                i.offerCreated(offer(T0.plusSeconds(600)), T0.plusSeconds(1));
                i.apply(report(i, ReportedStatus.OFFER_RETRIEVED, T0.plusSeconds(2)), T0.plusSeconds(2));
            }
            case ISSUED -> {
                i.offerCreated(offer(T0.plusSeconds(600)), T0.plusSeconds(1));
                i.apply(report(i, ReportedStatus.COMPLETED, T0.plusSeconds(3)), T0.plusSeconds(3));
            }
            case FAILED -> i.failed(new Failure("rejected", "template unknown"), T0.plusSeconds(1));
            case EXPIRED -> {
                i.offerCreated(offer(T0.plusSeconds(600)), T0.plusSeconds(1));
                i.expire(T0.plusSeconds(600));
            }
            case CANCELLED -> i.cancel(T0.plusSeconds(1));
            case REVOKED -> {
                i.offerCreated(offer(T0.plusSeconds(600)), T0.plusSeconds(1));
                i.apply(report(i, ReportedStatus.COMPLETED, T0.plusSeconds(3)), T0.plusSeconds(3));
                i.revoke("struck off", T0.plusSeconds(4));
                i.revocationConfirmed(T0.plusSeconds(5));
            }
        }
        i.pullEvents();
        return i;
    }
}
