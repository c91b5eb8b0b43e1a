package nl.bigregister.issuer.application.service;

import nl.bigregister.issuer.application.IssuancePolicy;
import nl.bigregister.issuer.application.fakes.DirectTransactions;
import nl.bigregister.issuer.application.fakes.InMemoryIssuanceQueue;
import nl.bigregister.issuer.application.fakes.InMemoryIssuanceRepository;
import nl.bigregister.issuer.application.fakes.MutableClock;
import nl.bigregister.issuer.application.fakes.RecordingPublisher;
import nl.bigregister.issuer.application.fakes.TestIssuances;
import nl.bigregister.issuer.application.port.in.SearchIssuancesQuery;
import nl.bigregister.issuer.application.port.in.StartIssuanceCommand;
import nl.bigregister.issuer.application.port.in.StrikeOffUseCase;
import nl.bigregister.issuer.application.port.in.UnknownCallbackException;
import nl.bigregister.issuer.application.port.out.CredentialIssuer;
import nl.bigregister.issuer.application.port.out.CredentialIssuerUnavailableException;
import nl.bigregister.issuer.application.port.out.IssuanceSearch;
import nl.bigregister.issuer.application.port.out.OfferRequest;
import nl.bigregister.issuer.application.port.out.WorkKind;
import nl.bigregister.issuer.domain.CallbackToken;
import nl.bigregister.issuer.domain.CorrelationId;
import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.IllegalTransitionException;
import nl.bigregister.issuer.domain.IssuanceStatus;
import nl.bigregister.issuer.domain.ReportedStatus;
import nl.bigregister.issuer.domain.RevocationId;
import nl.bigregister.issuer.domain.StatusReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.mockito.junit.jupiter.MockitoSettings;
import org.mockito.quality.Strictness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static nl.bigregister.issuer.application.fakes.TestIssuances.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The life cycle after the start: retries, status checks, callbacks, expiry, renew, cancel, revoke, strike-off. */
@ExtendWith(MockitoExtension.class)
@MockitoSettings(strictness = Strictness.LENIENT)
class LifeCycleServicesTest {

    @Mock
    CredentialIssuer issuer;

    final MutableClock clock = new MutableClock(T0);
    final InMemoryIssuanceRepository repository = new InMemoryIssuanceRepository();
    final InMemoryIssuanceQueue queue = new InMemoryIssuanceQueue(clock);
    final DirectTransactions transactions = new DirectTransactions();
    final RecordingPublisher publisher = new RecordingPublisher();
    final IssuancePolicy policy = new IssuancePolicy(Duration.ofMinutes(10), Duration.ofSeconds(5),
            Duration.ofSeconds(60), Duration.ofSeconds(2), Duration.ofMinutes(5), Duration.ofHours(24),
            Duration.ofSeconds(60), 4);
    final AtomicInteger wakeUps = new AtomicInteger();
    final java.util.concurrent.atomic.AtomicLong gateNanos = new java.util.concurrent.atomic.AtomicLong();
    final SubmissionGate gate = new SubmissionGate(1000, 1000, gateNanos::get, gateNanos::addAndGet);
    final List<OfferRequest> offerRequests = new ArrayList<>();

    OfferSubmitter submitter;
    StartIssuanceService start;
    RetryRequestedIssuancesService retry;
    TrackOfferStatusService track;
    ExpireOffersService expire;
    RecordStatusCallbackService callbacks;
    RenewIssuanceService renew;
    CancelIssuanceService cancel;
    RevocationService revocations;

    @BeforeEach
    void wire() {
        submitter = new OfferSubmitter(issuer, repository, queue, transactions, publisher, policy, gate, clock);
        start = new StartIssuanceService(repository, queue, transactions, publisher, submitter, clock);
        retry = new RetryRequestedIssuancesService(repository, queue, transactions, publisher, submitter, policy, gate, clock);
        track = new TrackOfferStatusService(issuer, repository, queue, transactions, publisher, policy, clock);
        expire = new ExpireOffersService(repository, queue, transactions, publisher, clock);
        callbacks = new RecordStatusCallbackService(repository, queue, transactions, wakeUps::incrementAndGet, clock);
        renew = new RenewIssuanceService(repository, queue, transactions, publisher, submitter, clock);
        cancel = new CancelIssuanceService(repository, queue, transactions, publisher, clock);
        revocations = new RevocationService(issuer, repository, queue, transactions, publisher, policy, clock);
    }

    void credencoOffers() {
        when(issuer.createOffer(any())).thenAnswer(inv -> {
            OfferRequest request = inv.getArgument(0);
            offerRequests.add(request);
            return TestIssuances.offer(request.expiresAt());
        });
    }

    void credencoIsDown(Optional<Duration> retryAfter) {
        when(issuer.createOffer(any())).thenThrow(new CredentialIssuerUnavailableException("down", retryAfter, null));
    }

    CredentialIssuance startSophie() {
        return start.start(new StartIssuanceCommand(TestIssuances.sophie(), "portal-1"));
    }

    CredentialIssuance stored(CredentialIssuance i) {
        return repository.find(i.id()).orElseThrow();
    }

    void credencoReports(ReportedStatus status) {
        doAnswer(inv -> new StatusReport(inv.getArgument(0), status,
                clock.instant(), status == ReportedStatus.COMPLETED ? Optional.of(new RevocationId("rev-9")) : Optional.empty(),
                Optional.empty())).when(issuer).fetchStatus(any(), any());
    }

    @Test
    void anOfferIsPolledFromThePollInterval() {
        credencoOffers();
        CredentialIssuance offered = startSophie();
        assertThat(queue.find(offered.id(), WorkKind.SUBMIT)).isEmpty();
        assertThat(queue.find(offered.id(), WorkKind.CHECK_STATUS)).get()
                .satisfies(w -> assertThat(w.dueAt()).isEqualTo(T0.plusSeconds(5)));

        credencoReports(ReportedStatus.OFFER_RETRIEVED);
        assertThat(track.checkDue(10)).isZero();
        clock.advance(Duration.ofSeconds(5));
        assertThat(track.checkDue(10)).isEqualTo(1);
        assertThat(stored(offered).status()).isEqualTo(IssuanceStatus.OFFER_RETRIEVED);
        // Backing off: the next check waits twice as long.
        assertThat(queue.find(offered.id(), WorkKind.CHECK_STATUS)).get()
                .satisfies(w -> assertThat(w.dueAt()).isEqualTo(clock.instant().plusSeconds(10)));

        credencoReports(ReportedStatus.COMPLETED);
        clock.advance(Duration.ofSeconds(10));
        track.checkDue(10);
        assertThat(stored(offered).status()).isEqualTo(IssuanceStatus.ISSUED);
        assertThat(stored(offered).revocationId()).contains(new RevocationId("rev-9"));
        assertThat(queue.find(offered.id(), WorkKind.CHECK_STATUS)).isEmpty();
    }

    @Test
    void aCallbackMakesACheckDueNowAndWakesTheWorkers() {
        credencoOffers();
        CredentialIssuance offered = startSophie();
        CallbackToken token = offerRequests.getFirst().callbackToken();

        callbacks.callbackReceived(token);

        assertThat(queue.find(offered.id(), WorkKind.CHECK_STATUS)).get()
                .satisfies(w -> assertThat(w.dueAt()).isEqualTo(clock.instant()));
        assertThat(wakeUps).hasValue(1);
        credencoReports(ReportedStatus.COMPLETED);
        track.checkDue(10);
        assertThat(stored(offered).status()).isEqualTo(IssuanceStatus.ISSUED);
    }

    @Test
    void aForgedCallbackIsUnknownAndChangesNothing() {
        credencoOffers();
        CredentialIssuance offered = startSophie();
        assertThatThrownBy(() -> callbacks.callbackReceived(CallbackToken.generate()))
                .isInstanceOf(UnknownCallbackException.class);
        assertThat(queue.find(offered.id(), WorkKind.CHECK_STATUS)).get()
                .satisfies(w -> assertThat(w.dueAt()).isEqualTo(T0.plusSeconds(5)));
        assertThat(wakeUps).hasValue(0);
    }

    @Test
    void anOutageIsRetriedUnderANewAttemptWithBackoff() {
        credencoIsDown(Optional.empty());
        CredentialIssuance requested = startSophie();
        assertThat(requested.status()).isEqualTo(IssuanceStatus.REQUESTED);
        var item = queue.find(requested.id(), WorkKind.SUBMIT).orElseThrow();
        assertThat(item.tries()).isEqualTo(1);
        assertThat(item.dueAt()).isBetween(T0.plusMillis(1600), T0.plusMillis(2400));

        assertThat(retry.retryDue(10)).isZero();
        clock.advance(Duration.ofSeconds(3));
        doAnswer(inv -> TestIssuances.offer(inv.getArgument(0, OfferRequest.class).expiresAt())).when(issuer).createOffer(any());
        assertThat(retry.retryDue(10)).isEqualTo(1);

        CredentialIssuance offered = stored(requested);
        assertThat(offered.status()).isEqualTo(IssuanceStatus.OFFERED);
        assertThat(offered.attempts()).hasSize(2);
        assertThat(offered.attempts().get(1).correlationId()).isNotEqualTo(offered.attempts().get(0).correlationId());
    }

    @Test
    void retryHonoursRetryAfter() {
        credencoIsDown(Optional.of(Duration.ofSeconds(30)));
        CredentialIssuance requested = startSophie();
        assertThat(queue.find(requested.id(), WorkKind.SUBMIT).orElseThrow().dueAt()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void afterTooManyTriesTheIssuanceFailsWithTheReason() {
        credencoIsDown(Optional.empty());
        CredentialIssuance requested = startSophie();
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofMinutes(6));
            retry.retryDue(10);
        }
        CredentialIssuance failed = stored(requested);
        assertThat(failed.status()).isEqualTo(IssuanceStatus.FAILED);
        assertThat(failed.failure().orElseThrow().code()).isEqualTo("credenco_unavailable");
        assertThat(failed.attempts()).hasSize(4);
        verify(issuer, times(4)).createOffer(any());
        assertThat(queue.find(requested.id(), WorkKind.SUBMIT)).isEmpty();
    }

    @Test
    void aCrashDuringTheCallLeavesTheSubmissionToTheRetryAfterTheLease() {
        // The start committed its SUBMIT item leased for a minute; simulate the process dying mid-call.
        CredentialIssuance issuance = TestIssuances.requested();
        repository.add(issuance);
        queue.schedule(issuance.id(), WorkKind.SUBMIT, T0.plus(policy.workLease()));
        credencoOffers();
        clock.advance(Duration.ofSeconds(59));
        assertThat(retry.retryDue(10)).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(retry.retryDue(10)).isEqualTo(1);
        assertThat(stored(issuance).status()).isEqualTo(IssuanceStatus.OFFERED);
    }

    @Test
    void unscannedOffersExpireAndCanBeRenewed() {
        credencoOffers();
        CredentialIssuance offered = startSophie();
        clock.advance(Duration.ofMinutes(9));
        assertThat(expire.expireDue(10)).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(expire.expireDue(10)).isEqualTo(1);
        assertThat(stored(offered).status()).isEqualTo(IssuanceStatus.EXPIRED);
        assertThat(queue.find(offered.id(), WorkKind.CHECK_STATUS)).isEmpty();

        CredentialIssuance renewed = renew.renew(offered.id());
        assertThat(renewed.status()).isEqualTo(IssuanceStatus.OFFERED);
        assertThat(renewed.attempts()).hasSize(2);
        assertThat(offerRequests).hasSize(2);
        assertThat(offerRequests.get(1).correlationId()).isNotEqualTo(offerRequests.get(0).correlationId());
        assertThat(renewed.offer().orElseThrow().expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
    }

    @Test
    void renewingAnIssuedCredentialIsIllegal() {
        credencoOffers();
        CredentialIssuance offered = startSophie();
        credencoReports(ReportedStatus.COMPLETED);
        clock.advance(Duration.ofSeconds(5));
        track.checkDue(10);
        assertThatThrownBy(() -> renew.renew(offered.id())).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("issued");
    }

    @Test
    void cancelledOffersIgnoreLaterCallbacks() {
        credencoOffers();
        CredentialIssuance offered = startSophie();
        cancel.cancel(offered.id());
        assertThat(stored(offered).status()).isEqualTo(IssuanceStatus.CANCELLED);
        assertThat(queue.find(offered.id(), WorkKind.CHECK_STATUS)).isEmpty();

        callbacks.callbackReceived(offerRequests.getFirst().callbackToken());
        assertThat(queue.find(offered.id(), WorkKind.CHECK_STATUS)).isEmpty();
        assertThat(stored(offered).status()).isEqualTo(IssuanceStatus.CANCELLED);
    }

    CredentialIssuance issued() {
        credencoOffers();
        CredentialIssuance offered = startSophie();
        credencoReports(ReportedStatus.COMPLETED);
        clock.advance(Duration.ofSeconds(5));
        track.checkDue(10);
        return stored(offered);
    }

    @Test
    void revokingAnIssuedCredential() {
        CredentialIssuance issued = issued();
        doNothing().when(issuer).revoke(new RevocationId("rev-9"));
        CredentialIssuance revoked = revocations.revoke(issued.id(), "struck off");
        assertThat(revoked.status()).isEqualTo(IssuanceStatus.REVOKED);
        verify(issuer).revoke(new RevocationId("rev-9"));
    }

    @Test
    void aRevocationWhileCredencoIsDownStaysPendingUntilItSucceeds() {
        CredentialIssuance issued = issued();
        doThrow(new CredentialIssuerUnavailableException("down")).when(issuer).revoke(any());

        CredentialIssuance pending = revocations.revoke(issued.id(), "struck off");
        assertThat(pending.status()).isEqualTo(IssuanceStatus.ISSUED);
        assertThat(pending.revocation().orElseThrow().isPending()).isTrue();

        clock.advance(Duration.ofSeconds(3));
        revocations.revokeDue(10);
        assertThat(stored(issued).status()).isEqualTo(IssuanceStatus.ISSUED);

        doNothing().when(issuer).revoke(any());
        clock.advance(Duration.ofSeconds(10));
        revocations.revokeDue(10);
        assertThat(stored(issued).status()).isEqualTo(IssuanceStatus.REVOKED);
        assertThat(queue.find(issued.id(), WorkKind.REVOKE)).isEmpty();
    }

    @Test
    void revokingAnOpenOfferIsIllegal() {
        credencoOffers();
        CredentialIssuance offered = startSophie();
        assertThatThrownBy(() -> revocations.revoke(offered.id(), "x")).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("offered");
    }

    @Test
    void strikingOffRevokesIssuedAndCancelsOpen() {
        CredentialIssuance issued = issued();
        CredentialIssuance open = startSophie();
        doNothing().when(issuer).revoke(any());

        StrikeOffUseCase.Outcome outcome = new StrikeOffService(repository, transactions, revocations, cancel)
                .strikeOff(TestIssuances.sophie().bigNumber(), "struck off the register");

        assertThat(outcome.revoked()).containsExactly(issued.id());
        assertThat(outcome.cancelled()).containsExactly(open.id());
        assertThat(outcome.revocationPending()).isEmpty();
        assertThat(stored(issued).status()).isEqualTo(IssuanceStatus.REVOKED);
        assertThat(stored(open).status()).isEqualTo(IssuanceStatus.CANCELLED);
    }

    @Test
    void searchPagesThroughInCreationOrder() {
        credencoOffers();
        List<CredentialIssuance> started = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            started.add(startSophie());
            clock.advance(Duration.ofSeconds(1));
        }
        SearchIssuancesService search = new SearchIssuancesService(repository, transactions);
        SearchIssuancesQuery.Page first = search.search(new IssuanceSearch(Optional.of(TestIssuances.sophie().bigNumber()),
                Optional.empty(), Optional.empty(), Optional.empty(), 2, Optional.empty()));
        assertThat(first.items()).extracting(CredentialIssuance::id).containsExactly(started.get(0).id(), started.get(1).id());
        SearchIssuancesQuery.Page second = search.search(new IssuanceSearch(Optional.empty(), Optional.of(IssuanceStatus.OFFERED),
                Optional.empty(), Optional.empty(), 2, first.next()));
        assertThat(second.items()).extracting(CredentialIssuance::id).containsExactly(started.get(2).id(), started.get(3).id());
        SearchIssuancesQuery.Page last = search.search(new IssuanceSearch(Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), 2, second.next()));
        assertThat(last.items()).extracting(CredentialIssuance::id).containsExactly(started.get(4).id());
        assertThat(last.next()).isEmpty();
    }
}
