package nl.bigregister.issuer.domain;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static nl.bigregister.issuer.domain.Fixtures.T0;
import static nl.bigregister.issuer.domain.Fixtures.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The life cycle's details: reports that arrive late, twice or out of order, attempts, revocation. */
class CredentialIssuanceTest {

    @Test
    void startRaisesRequestedWithTheFirstAttempt() {
        CredentialIssuance i = Fixtures.requested();
        assertThat(i.status()).isEqualTo(IssuanceStatus.REQUESTED);
        assertThat(i.attempts()).hasSize(1);
        assertThat(i.currentAttempt().number()).isEqualTo(1);
        assertThat(i.pullEvents()).singleElement().isInstanceOf(IssuanceEvent.Requested.class);
        assertThat(i.pullEvents()).isEmpty();
    }

    @Test
    void aBatchItemWaitsWithoutAnAttemptUntilTheDispatcherSubmitsIt() {
        CredentialIssuance item = CredentialIssuance.enqueue(IssuanceId.generate(), Fixtures.sophie(), "batch-1",
                BatchId.generate(), new Reference("rereg-0001"), T0);
        assertThat(item.status()).isEqualTo(IssuanceStatus.REQUESTED);
        assertThat(item.attempts()).isEmpty();
        assertThat(item.latestAttempt()).isEmpty();
        assertThat(item.pullEvents()).singleElement()
                .isEqualTo(new IssuanceEvent.Requested(item.id(), Optional.empty(), T0));
        // Nothing can answer an attempt that was never made.
        assertThat(item.apply(new StatusReport(new CorrelationId("c-1"), ReportedStatus.OFFER_CREATED, T0, Optional.empty(), Optional.empty()), T0))
                .isFalse();
        assertThatThrownBy(() -> item.offerCreated(Fixtures.offer(T0.plusSeconds(600)), T0)).isInstanceOf(IllegalStateException.class);

        CorrelationId first = CorrelationId.generate();
        item.retrySubmission(first, CallbackToken.generate(), T0.plusSeconds(1));
        assertThat(item.currentAttempt().number()).isEqualTo(1);
        assertThat(item.currentAttempt().correlationId()).isEqualTo(first);
        item.offerCreated(Fixtures.offer(T0.plusSeconds(600)), T0.plusSeconds(2));
        assertThat(item.status()).isEqualTo(IssuanceStatus.OFFERED);
    }

    @Test
    void aBatchItemMayBeCancelledBeforeItsTurn() {
        CredentialIssuance item = CredentialIssuance.enqueue(IssuanceId.generate(), Fixtures.sophie(), "batch-1",
                BatchId.generate(), new Reference("rereg-0002"), T0);
        item.cancel(T0.plusSeconds(1));
        assertThat(item.status()).isEqualTo(IssuanceStatus.CANCELLED);
        assertThat(item.attempts()).isEmpty();
    }

    @Test
    void walletFlowReachesIssuedWithTheRevocationId() {
        CredentialIssuance i = Fixtures.in(IssuanceStatus.OFFERED);
        assertThat(i.apply(report(i, ReportedStatus.OFFER_RETRIEVED, T0.plusSeconds(5)), T0.plusSeconds(5))).isTrue();
        assertThat(i.status()).isEqualTo(IssuanceStatus.OFFER_RETRIEVED);
        assertThat(i.apply(report(i, ReportedStatus.COMPLETED, T0.plusSeconds(9)), T0.plusSeconds(9))).isTrue();
        assertThat(i.status()).isEqualTo(IssuanceStatus.ISSUED);
        assertThat(i.revocationId()).contains(new RevocationId("rev-1"));
        assertThat(i.pullEvents()).extracting(IssuanceEvent::status)
                .containsExactly(IssuanceStatus.OFFER_RETRIEVED, IssuanceStatus.ISSUED);
    }

    @Test
    void completedMaySkipRetrieved() {
        CredentialIssuance i = Fixtures.in(IssuanceStatus.OFFERED);
        assertThat(i.apply(report(i, ReportedStatus.COMPLETED, T0.plusSeconds(9)), T0.plusSeconds(9))).isTrue();
        assertThat(i.status()).isEqualTo(IssuanceStatus.ISSUED);
    }

    @Test
    void duplicateReportIsANoOp() {
        CredentialIssuance i = Fixtures.in(IssuanceStatus.OFFERED);
        StatusReport retrieved = report(i, ReportedStatus.OFFER_RETRIEVED, T0.plusSeconds(5));
        assertThat(i.apply(retrieved, T0.plusSeconds(5))).isTrue();
        i.pullEvents();
        assertThat(i.apply(retrieved, T0.plusSeconds(6))).isFalse();
        assertThat(i.status()).isEqualTo(IssuanceStatus.OFFER_RETRIEVED);
        assertThat(i.pullEvents()).isEmpty();
    }

    @Test
    void reportOfAStatusAlreadyPassedIsANoOp() {
        CredentialIssuance i = Fixtures.in(IssuanceStatus.ISSUED);
        assertThat(i.apply(report(i, ReportedStatus.OFFER_RETRIEVED, T0.plusSeconds(60)), T0.plusSeconds(60))).isFalse();
        assertThat(i.apply(report(i, ReportedStatus.ERROR, T0.plusSeconds(61)), T0.plusSeconds(61))).isFalse();
        assertThat(i.status()).isEqualTo(IssuanceStatus.ISSUED);
        assertThat(i.pullEvents()).isEmpty();
    }

    @Test
    void reportOlderThanTheLastAppliedIsANoOp() {
        CredentialIssuance i = Fixtures.in(IssuanceStatus.OFFERED);
        i.apply(report(i, ReportedStatus.OFFER_RETRIEVED, T0.plusSeconds(50)), T0.plusSeconds(50));
        // An error that Credenco stamped before the retrieval we already applied: out of order, stale.
        assertThat(i.apply(report(i, ReportedStatus.ERROR, T0.plusSeconds(40)), T0.plusSeconds(51))).isFalse();
        assertThat(i.status()).isEqualTo(IssuanceStatus.OFFER_RETRIEVED);
    }

    @Test
    void reportAboutAnEarlierAttemptIsANoOp() {
        CredentialIssuance i = Fixtures.in(IssuanceStatus.FAILED);
        CorrelationId first = i.currentAttempt().correlationId();
        i.renew(CorrelationId.generate(), CallbackToken.generate(), T0.plusSeconds(10));
        i.offerCreated(Fixtures.offer(T0.plusSeconds(700)), T0.plusSeconds(11));
        StatusReport aboutFirst = new StatusReport(first, ReportedStatus.COMPLETED, T0.plusSeconds(12),
                Optional.of(new RevocationId("old")), Optional.empty());
        assertThat(i.apply(aboutFirst, T0.plusSeconds(12))).isFalse();
        assertThat(i.status()).isEqualTo(IssuanceStatus.OFFERED);
    }

    @Test
    void reportAfterCancelChangesNothing() {
        CredentialIssuance i = Fixtures.in(IssuanceStatus.OFFERED);
        i.cancel(T0.plusSeconds(5));
        assertThat(i.apply(report(i, ReportedStatus.COMPLETED, T0.plusSeconds(6)), T0.plusSeconds(6))).isFalse();
        assertThat(i.status()).isEqualTo(IssuanceStatus.CANCELLED);
    }

    @Test
    void offerCreatedReportOnlyConfirms() {
        CredentialIssuance i = Fixtures.in(IssuanceStatus.OFFERED);
        assertThat(i.apply(report(i, ReportedStatus.OFFER_CREATED, T0.plusSeconds(2)), T0.plusSeconds(2))).isFalse();
        CredentialIssuance requested = Fixtures.in(IssuanceStatus.REQUESTED);
        assertThat(requested.apply(report(requested, ReportedStatus.OFFER_CREATED, T0), T0)).isFalse();
        assertThat(requested.status()).isEqualTo(IssuanceStatus.REQUESTED);
    }

    @Test
    void errorReportFailsAnOpenOffer() {
        CredentialIssuance i = Fixtures.in(IssuanceStatus.OFFER_RETRIEVED);
        assertThat(i.apply(report(i, ReportedStatus.ERROR, T0.plusSeconds(30)), T0.plusSeconds(30))).isTrue();
        assertThat(i.status()).isEqualTo(IssuanceStatus.FAILED);
        assertThat(i.failure()).get().extracting(Failure::code).isEqualTo("credenco_error");
    }

    @Test
    void completionAfterOurDeadlineStillRecordsTheIssuedCredential() {
        CredentialIssuance i = Fixtures.in(IssuanceStatus.EXPIRED);
        assertThat(i.apply(report(i, ReportedStatus.OFFER_RETRIEVED, T0.plusSeconds(601)), T0.plusSeconds(601))).isFalse();
        assertThat(i.apply(report(i, ReportedStatus.COMPLETED, T0.plusSeconds(602)), T0.plusSeconds(602))).isTrue();
        assertThat(i.status()).isEqualTo(IssuanceStatus.ISSUED);
    }

    @Test
    void offerCannotExpireBeforeItsDeadline() {
        CredentialIssuance i = Fixtures.in(IssuanceStatus.OFFERED);
        assertThatThrownBy(() -> i.expire(T0.plusSeconds(599))).isInstanceOf(IllegalTransitionException.class);
        assertThat(i.status()).isEqualTo(IssuanceStatus.OFFERED);
    }

    @Test
    void renewStartsANewAttemptAndClearsTheOldOffer() {
        CredentialIssuance i = Fixtures.in(IssuanceStatus.EXPIRED);
        CorrelationId next = CorrelationId.generate();
        i.renew(next, CallbackToken.generate(), T0.plusSeconds(700));
        assertThat(i.attempts()).hasSize(2);
        assertThat(i.currentAttempt().number()).isEqualTo(2);
        assertThat(i.currentAttempt().correlationId()).isEqualTo(next);
        assertThat(i.offer()).isEmpty();
        assertThat(i.failure()).isEmpty();
    }

    @Test
    void renewRefusesAReusedCorrelationId() {
        CredentialIssuance i = Fixtures.in(IssuanceStatus.FAILED);
        CorrelationId used = i.currentAttempt().correlationId();
        assertThatThrownBy(() -> i.renew(used, CallbackToken.generate(), T0.plusSeconds(5)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void revocationIsPendingUntilConfirmed() {
        CredentialIssuance i = Fixtures.in(IssuanceStatus.ISSUED);
        i.revoke("struck off the register", T0.plusSeconds(100));
        assertThat(i.status()).isEqualTo(IssuanceStatus.ISSUED);
        assertThat(i.revocation()).get().matches(Revocation::isPending);
        assertThatThrownBy(() -> i.revoke("again", T0.plusSeconds(101))).isInstanceOf(IllegalTransitionException.class);
        i.revocationConfirmed(T0.plusSeconds(102));
        assertThat(i.status()).isEqualTo(IssuanceStatus.REVOKED);
        assertThat(i.revocation()).get().matches(r -> !r.isPending());
    }

    @Test
    void confirmingARevocationNobodyAskedForIsRefused() {
        CredentialIssuance i = Fixtures.in(IssuanceStatus.ISSUED);
        assertThatThrownBy(() -> i.revocationConfirmed(T0)).isInstanceOf(IllegalTransitionException.class);
    }
}
