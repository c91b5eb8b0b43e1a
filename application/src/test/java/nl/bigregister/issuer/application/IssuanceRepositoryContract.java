package nl.bigregister.issuer.application;

import nl.bigregister.issuer.application.fakes.TestIssuances;
import nl.bigregister.issuer.application.port.out.ConcurrentUpdateException;
import nl.bigregister.issuer.application.port.out.IssuanceRepository;
import nl.bigregister.issuer.application.port.out.Transactions;
import nl.bigregister.issuer.domain.CallbackToken;
import nl.bigregister.issuer.domain.CorrelationId;
import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.Failure;
import nl.bigregister.issuer.domain.IssuanceId;
import nl.bigregister.issuer.domain.IssuanceStatus;
import nl.bigregister.issuer.domain.ReportedStatus;
import nl.bigregister.issuer.domain.RevocationId;
import nl.bigregister.issuer.domain.StatusReport;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static nl.bigregister.issuer.application.fakes.TestIssuances.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every IssuanceRepository must do; run against the in-memory fake and the JPA adapter. */
public abstract class IssuanceRepositoryContract {

    protected abstract IssuanceRepository repository();

    protected abstract Transactions transactions();

    private CredentialIssuance load(IssuanceId id) {
        return transactions().inTransaction(() -> repository().find(id)).orElseThrow();
    }

    @Test
    void storesAndFindsANewIssuanceWithEverything() {
        CredentialIssuance issuance = TestIssuances.requested();
        transactions().run(() -> repository().add(issuance));

        CredentialIssuance found = load(issuance.id());
        assertThat(found.status()).isEqualTo(IssuanceStatus.REQUESTED);
        assertThat(found.claims()).isEqualTo(issuance.claims());
        assertThat(found.requestedBy()).isEqualTo("portal-1");
        assertThat(found.attempts()).isEqualTo(issuance.attempts());
        assertThat(found.createdAt()).isEqualTo(issuance.createdAt());
        assertThat(found.offer()).isEmpty();
    }

    @Test
    void unknownIdIsEmpty() {
        assertThat(transactions().inTransaction(() -> repository().find(IssuanceId.generate()))).isEmpty();
    }

    @Test
    void updatesKeepOffersAttemptsFailuresAndRevocations() {
        CredentialIssuance issuance = TestIssuances.requested();
        transactions().run(() -> repository().add(issuance));

        CredentialIssuance failed = load(issuance.id());
        failed.failed(new Failure("rejected", "template unknown"), T0.plusSeconds(1));
        transactions().run(() -> repository().update(failed));
        assertThat(load(issuance.id()).failure()).contains(new Failure("rejected", "template unknown"));

        CredentialIssuance renewed = load(issuance.id());
        renewed.renew(CorrelationId.generate(), CallbackToken.generate(), T0.plusSeconds(2));
        renewed.offerCreated(TestIssuances.offer(T0.plusSeconds(600)), T0.plusSeconds(3));
        transactions().run(() -> repository().update(renewed));

        CredentialIssuance offered = load(issuance.id());
        assertThat(offered.status()).isEqualTo(IssuanceStatus.OFFERED);
        assertThat(offered.attempts()).hasSize(2).isEqualTo(renewed.attempts());
        assertThat(offered.offer()).isEqualTo(renewed.offer());
        assertThat(offered.failure()).isEmpty();

        offered.apply(new StatusReport(offered.currentAttempt().correlationId(), ReportedStatus.COMPLETED,
                T0.plusSeconds(4), Optional.of(new RevocationId("0e2c1f62")), Optional.empty()), T0.plusSeconds(4));
        offered.revoke("struck off", T0.plusSeconds(5));
        transactions().run(() -> repository().update(offered));

        CredentialIssuance issued = load(issuance.id());
        assertThat(issued.status()).isEqualTo(IssuanceStatus.ISSUED);
        assertThat(issued.revocationId()).contains(new RevocationId("0e2c1f62"));
        assertThat(issued.revocation()).isEqualTo(offered.revocation());
        assertThat(issued.lastReportAt()).contains(T0.plusSeconds(4));
        assertThat(issued.updatedAt()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void aStaleCopyCannotOverwriteANewerOne() {
        CredentialIssuance issuance = TestIssuances.requested();
        transactions().run(() -> repository().add(issuance));
        CredentialIssuance first = load(issuance.id());
        CredentialIssuance second = load(issuance.id());

        first.cancel(T0.plusSeconds(1));
        transactions().run(() -> repository().update(first));

        second.offerCreated(TestIssuances.offer(T0.plusSeconds(600)), T0.plusSeconds(2));
        assertThatThrownBy(() -> transactions().run(() -> repository().update(second)))
                .isInstanceOf(ConcurrentUpdateException.class);
        assertThat(load(issuance.id()).status()).isEqualTo(IssuanceStatus.CANCELLED);
    }
}
