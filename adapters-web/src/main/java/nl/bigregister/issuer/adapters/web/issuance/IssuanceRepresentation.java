package nl.bigregister.issuer.adapters.web.issuance;

import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.CredentialOffer;
import nl.bigregister.issuer.domain.Failure;
import nl.bigregister.issuer.domain.Revocation;

import java.time.Instant;

/** An issuance as clients see it. No personal names: the portal already knows them. */
public record IssuanceRepresentation(String id, String status, String bigNumber, String profession,
                                     Offer offer, FailureInfo failure, RevocationInfo revocation,
                                     String batchId, String reference, Instant createdAt, Instant updatedAt) {

    /** The open offer: what the wallet scans. */
    public record Offer(String uri, String qrCode, Instant expiresAt) {
        static Offer of(CredentialOffer o) {
            return new Offer(o.uri(), o.qrCode(), o.expiresAt());
        }
    }

    /** Why it failed. */
    public record FailureInfo(String code, String message) {
        static FailureInfo of(Failure f) {
            return new FailureInfo(f.code(), f.message());
        }
    }

    /** A revocation, pending until Credenco confirmed it. */
    public record RevocationInfo(String reason, boolean pending, Instant requestedAt, Instant confirmedAt) {
        static RevocationInfo of(Revocation r) {
            return new RevocationInfo(r.reason(), r.isPending(), r.requestedAt(), r.confirmedAt().orElse(null));
        }
    }

    public static IssuanceRepresentation of(CredentialIssuance i) {
        return new IssuanceRepresentation(i.id().toString(), i.status().wireName(), i.bigNumber().value(),
                i.profession().englishName(),
                i.status().isOpen() ? i.offer().map(Offer::of).orElse(null) : null,
                i.failure().map(FailureInfo::of).orElse(null),
                i.revocation().map(RevocationInfo::of).orElse(null),
                i.batchId().map(Object::toString).orElse(null), i.reference().map(Object::toString).orElse(null),
                i.createdAt(), i.updatedAt());
    }
}
