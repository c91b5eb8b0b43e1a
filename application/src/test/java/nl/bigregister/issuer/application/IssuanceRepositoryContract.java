package nl.bigregister.issuer.application;

import nl.bigregister.issuer.application.fakes.TestIssuances;
import nl.bigregister.issuer.application.port.out.ConcurrentUpdateException;
import nl.bigregister.issuer.application.port.out.IssuanceRepository;
import nl.bigregister.issuer.application.port.out.IssuanceSearch;
import nl.bigregister.issuer.application.port.out.Transactions;
import nl.bigregister.issuer.domain.BigNumber;
import nl.bigregister.issuer.domain.CallbackToken;
import nl.bigregister.issuer.domain.CorrelationId;
import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.Failure;
import nl.bigregister.issuer.domain.IssuanceId;
import nl.bigregister.issuer.domain.IssuanceStatus;
import nl.bigregister.issuer.domain.PersonName;
import nl.bigregister.issuer.domain.Profession;
import nl.bigregister.issuer.domain.RegistrationClaims;
import nl.bigregister.issuer.domain.ReportedStatus;
import nl.bigregister.issuer.domain.RevocationId;
import nl.bigregister.issuer.domain.StatusReport;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
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
    void findsAnIssuanceByAnyOfItsCallbackTokens() {
        CallbackToken first = CallbackToken.generate();
        CredentialIssuance issuance = CredentialIssuance.start(IssuanceId.generate(), TestIssuances.sophie(), "p",
                CorrelationId.generate(), first, T0);
        transactions().run(() -> repository().add(issuance));
        CredentialIssuance failed = load(issuance.id());
        failed.failed(new Failure("x", "y"), T0);
        CallbackToken second = CallbackToken.generate();
        failed.renew(CorrelationId.generate(), second, T0.plusSeconds(1));
        transactions().run(() -> repository().update(failed));

        assertThat(transactions().inTransaction(() -> repository().findByCallbackTokenHash(first.hash())))
                .get().extracting(CredentialIssuance::id).isEqualTo(issuance.id());
        assertThat(transactions().inTransaction(() -> repository().findByCallbackTokenHash(second.hash())))
                .get().extracting(CredentialIssuance::id).isEqualTo(issuance.id());
        assertThat(transactions().inTransaction(() -> repository().findByCallbackTokenHash(CallbackToken.generate().hash())))
                .isEmpty();
    }

    @Test
    void findsOffersPastTheirDeadline() {
        CredentialIssuance early = TestIssuances.requested();
        CredentialIssuance late = TestIssuances.requested();
        early.offerCreated(TestIssuances.offer(T0.plusSeconds(100)), T0);
        late.offerCreated(TestIssuances.offer(T0.plusSeconds(900)), T0);
        transactions().run(() -> {
            repository().add(early);
            repository().add(late);
        });
        List<IssuanceId> expired = transactions().inTransaction(() -> repository().findExpiredOffers(T0.plusSeconds(100), 1000));
        assertThat(expired).contains(early.id()).doesNotContain(late.id());
    }

    @Test
    void searchesByBigNumberAndStatusInPages() {
        BigNumber number = new BigNumber(String.format("%011d", System.nanoTime() % 100_000_000_000L));
        List<IssuanceId> ids = new java.util.ArrayList<>();
        for (int n = 0; n < 3; n++) {
            CredentialIssuance i = CredentialIssuance.start(IssuanceId.generate(), new RegistrationClaims(number,
                    new PersonName("A"), new PersonName("B"), Profession.NURSE, Optional.empty(),
                    LocalDate.parse("2026-01-01"), LocalDate.parse("2027-01-01")), "p", CorrelationId.generate(),
                    CallbackToken.generate(), T0.plusSeconds(n));
            transactions().run(() -> repository().add(i));
            ids.add(i.id());
        }
        IssuanceSearch firstPage = new IssuanceSearch(Optional.of(number), Optional.of(IssuanceStatus.REQUESTED),
                Optional.empty(), Optional.empty(), 2, Optional.empty());
        List<CredentialIssuance> first = transactions().inTransaction(() -> repository().search(firstPage));
        assertThat(first).extracting(CredentialIssuance::id).containsExactly(ids.get(0), ids.get(1), ids.get(2));
        IssuanceSearch nextPage = new IssuanceSearch(Optional.of(number), Optional.empty(), Optional.empty(),
                Optional.empty(), 2, Optional.of(new IssuanceSearch.Position(first.get(1).createdAt(), first.get(1).id())));
        assertThat(transactions().inTransaction(() -> repository().search(nextPage)))
                .extracting(CredentialIssuance::id).containsExactly(ids.get(2));
        IssuanceSearch window = new IssuanceSearch(Optional.of(number), Optional.empty(), Optional.of(T0.plusSeconds(1)),
                Optional.of(T0.plusSeconds(2)), 10, Optional.empty());
        assertThat(transactions().inTransaction(() -> repository().search(window)))
                .extracting(CredentialIssuance::id).containsExactly(ids.get(1));
        IssuanceSearch offered = new IssuanceSearch(Optional.of(number), Optional.of(IssuanceStatus.OFFERED),
                Optional.empty(), Optional.empty(), 10, Optional.empty());
        assertThat(transactions().inTransaction(() -> repository().search(offered))).isEmpty();
        assertThat(transactions().inTransaction(() -> repository().findLiveByBigNumber(number)))
                .containsExactlyElementsOf(ids);
    }

    @Test
    void claimsOfLongSettledIssuancesArePurgedAndTheRecordStays() {
        CredentialIssuance issuance = TestIssuances.requested();
        transactions().run(() -> repository().add(issuance));
        CredentialIssuance cancelled = load(issuance.id());
        cancelled.cancel(T0.plusSeconds(10));
        transactions().run(() -> repository().update(cancelled));

        assertThat(transactions().inTransaction(() -> repository().findClaimsToPurge(T0.plusSeconds(9), 1000)))
                .doesNotContain(issuance.id());
        assertThat(transactions().inTransaction(() -> repository().findClaimsToPurge(T0.plusSeconds(10), 1000)))
                .contains(issuance.id());

        CredentialIssuance purging = load(issuance.id());
        purging.purgeClaims(T0.plusSeconds(20));
        transactions().run(() -> repository().update(purging));

        CredentialIssuance purged = load(issuance.id());
        assertThat(purged.claims()).isEmpty();
        assertThat(purged.bigNumber()).isEqualTo(issuance.bigNumber());
        assertThat(purged.profession()).isEqualTo(issuance.profession());
        assertThat(purged.status()).isEqualTo(IssuanceStatus.CANCELLED);
        assertThat(transactions().inTransaction(() -> repository().findClaimsToPurge(T0.plusSeconds(99), 1000)))
                .doesNotContain(issuance.id());
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
