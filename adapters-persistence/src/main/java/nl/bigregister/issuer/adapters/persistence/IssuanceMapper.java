package nl.bigregister.issuer.adapters.persistence;

import nl.bigregister.issuer.domain.Attempt;
import nl.bigregister.issuer.domain.BatchId;
import nl.bigregister.issuer.domain.Reference;
import nl.bigregister.issuer.domain.BigNumber;
import nl.bigregister.issuer.domain.CorrelationId;
import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.CredentialOffer;
import nl.bigregister.issuer.domain.Failure;
import nl.bigregister.issuer.domain.IssuanceId;
import nl.bigregister.issuer.domain.IssuanceStatus;
import nl.bigregister.issuer.domain.PersonName;
import nl.bigregister.issuer.domain.Profession;
import nl.bigregister.issuer.domain.RegistrationClaims;
import nl.bigregister.issuer.domain.Revocation;
import nl.bigregister.issuer.domain.RevocationId;
import nl.bigregister.issuer.domain.Specialism;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Translates between the aggregate and its rows; the only place that knows both. */
final class IssuanceMapper {

    private IssuanceMapper() {
    }

    /** Separates the encrypted fields; none of them may contain a control character. */
    private static final String SEPARATOR = "\u001f";

    static IssuanceEntity newEntity(CredentialIssuance issuance, ClaimsCipher cipher) {
        IssuanceEntity e = new IssuanceEntity();
        e.id = issuance.id().value();
        e.bigNumber = issuance.bigNumber().value();
        e.profession = issuance.profession().name();
        e.claimsCiphertext = cipher.encrypt(personal(issuance.claims().orElseThrow()));
        e.requestedBy = issuance.requestedBy();
        e.batchId = issuance.batchId().map(BatchId::value).orElse(null);
        e.reference = issuance.reference().map(Reference::value).orElse(null);
        e.createdAt = issuance.createdAt();
        copyState(issuance, e);
        return e;
    }

    private static String personal(RegistrationClaims c) {
        return String.join(SEPARATOR, c.firstName().value(), c.lastName().value(),
                c.specialism().map(Specialism::value).orElse(""), c.registrationDate().toString(), c.validUntil().toString());
    }

    /**
     * Copies what can change after creation: status, offer, failure, revocation, attempts; and moves the
     * claims to the current key (or out of legacy plaintext columns) when they are not there yet.
     */
    static void copyState(CredentialIssuance issuance, IssuanceEntity e, ClaimsCipher cipher) {
        if (issuance.claims().isEmpty()) {
            // Deleted after the retention period: nothing personal stays behind.
            e.claimsCiphertext = null;
        } else if (e.claimsCiphertext == null || cipher.isStale(e.claimsCiphertext)) {
            e.claimsCiphertext = cipher.encrypt(personal(issuance.claims().get()));
        }
        // Whatever the claims are now, they are no longer in the legacy plaintext columns.
        e.firstName = null;
        e.lastName = null;
        e.specialism = null;
        e.registrationDate = null;
        e.validUntil = null;
        copyState(issuance, e);
    }

    private static void copyState(CredentialIssuance issuance, IssuanceEntity e) {
        e.status = issuance.status().name();
        CredentialOffer offer = issuance.offer().orElse(null);
        e.offerUri = offer == null ? null : offer.uri();
        e.offerQrCode = offer == null ? null : offer.qrCode();
        e.offerStatusUri = offer == null ? null : offer.statusUri().toString();
        e.offerExpiresAt = offer == null ? null : offer.expiresAt();
        Failure failure = issuance.failure().orElse(null);
        e.failureCode = failure == null ? null : failure.code();
        e.failureMessage = failure == null ? null : failure.message();
        e.revocationId = issuance.revocationId().map(RevocationId::value).orElse(null);
        Revocation revocation = issuance.revocation().orElse(null);
        e.revocationReason = revocation == null ? null : revocation.reason();
        e.revocationRequestedAt = revocation == null ? null : revocation.requestedAt();
        e.revocationConfirmedAt = revocation == null ? null : revocation.confirmedAt().orElse(null);
        e.lastReportAt = issuance.lastReportAt().orElse(null);
        e.updatedAt = issuance.updatedAt();
        // Attempts are only ever added.
        for (Attempt a : issuance.attempts().subList(e.attempts.size(), issuance.attempts().size())) {
            e.attempts.add(attemptEntity(a));
        }
    }

    private static AttemptEntity attemptEntity(Attempt a) {
        AttemptEntity e = new AttemptEntity();
        e.correlationId = a.correlationId().value();
        e.attemptNumber = a.number();
        e.callbackTokenHash = a.callbackTokenHash();
        e.startedAt = a.startedAt();
        return e;
    }

    static CredentialIssuance toDomain(IssuanceEntity e, ClaimsCipher cipher) {
        RegistrationClaims claims;
        if (e.claimsCiphertext == null && e.firstName == null) {
            return withoutClaims(e);
        }
        if (e.claimsCiphertext != null) {
            String[] f = cipher.decrypt(e.claimsCiphertext).split(SEPARATOR, -1);
            claims = new RegistrationClaims(new BigNumber(e.bigNumber), new PersonName(f[0]), new PersonName(f[1]),
                    Profession.valueOf(e.profession), Optional.of(f[2]).filter(s -> !s.isEmpty()).map(Specialism::new),
                    LocalDate.parse(f[3]), LocalDate.parse(f[4]));
        } else {
            claims = new RegistrationClaims(new BigNumber(e.bigNumber), new PersonName(e.firstName),
                    new PersonName(e.lastName), Profession.valueOf(e.profession),
                    Optional.ofNullable(e.specialism).map(Specialism::new), e.registrationDate, e.validUntil);
        }
        List<Attempt> attempts = attempts(e);
        Optional<CredentialOffer> offer = Optional.ofNullable(e.offerUri)
                .map(uri -> new CredentialOffer(uri, e.offerQrCode, URI.create(e.offerStatusUri), e.offerExpiresAt));
        Optional<Failure> failure = failure(e);
        Optional<Revocation> revocation = revocation(e);
        return CredentialIssuance.reconstitute(new IssuanceId(e.id), claims, e.requestedBy,
                Optional.ofNullable(e.batchId).map(BatchId::new), Optional.ofNullable(e.reference).map(Reference::new),
                e.createdAt, e.version,
                attempts, IssuanceStatus.valueOf(e.status), offer, failure,
                Optional.ofNullable(e.revocationId).map(RevocationId::new), revocation,
                Optional.ofNullable(e.lastReportAt), e.updatedAt);
    }

    private static CredentialIssuance withoutClaims(IssuanceEntity e) {
        return CredentialIssuance.reconstituteWithoutClaims(new IssuanceId(e.id), new BigNumber(e.bigNumber),
                Profession.valueOf(e.profession), e.requestedBy, Optional.ofNullable(e.batchId).map(BatchId::new),
                Optional.ofNullable(e.reference).map(Reference::new), e.createdAt, e.version, attempts(e),
                IssuanceStatus.valueOf(e.status), failure(e), Optional.ofNullable(e.revocationId).map(RevocationId::new),
                revocation(e), Optional.ofNullable(e.lastReportAt), e.updatedAt);
    }

    private static List<Attempt> attempts(IssuanceEntity e) {
        return e.attempts.stream()
                .map(a -> new Attempt(a.attemptNumber, new CorrelationId(a.correlationId), a.callbackTokenHash, a.startedAt))
                .toList();
    }

    private static Optional<Failure> failure(IssuanceEntity e) {
        return Optional.ofNullable(e.failureCode).map(code -> new Failure(code, e.failureMessage));
    }

    private static Optional<Revocation> revocation(IssuanceEntity e) {
        return Optional.ofNullable(e.revocationReason)
                .map(reason -> new Revocation(reason, e.revocationRequestedAt, Optional.ofNullable(e.revocationConfirmedAt)));
    }
}
