package nl.bigregister.issuer.application.service;

import nl.bigregister.issuer.application.IssuancePolicy;
import nl.bigregister.issuer.application.fakes.DirectTransactions;
import nl.bigregister.issuer.application.fakes.InMemoryBatchRepository;
import nl.bigregister.issuer.application.fakes.InMemoryIssuanceQueue;
import nl.bigregister.issuer.application.fakes.InMemoryIssuanceRepository;
import nl.bigregister.issuer.application.fakes.MutableClock;
import nl.bigregister.issuer.application.fakes.RecordingPublisher;
import nl.bigregister.issuer.application.fakes.TestIssuances;
import nl.bigregister.issuer.application.port.in.BatchLine;
import nl.bigregister.issuer.application.port.in.BatchNotFoundException;
import nl.bigregister.issuer.application.port.in.BatchViewer;
import nl.bigregister.issuer.application.port.in.EnqueueBatchUseCase.BatchReceipt;
import nl.bigregister.issuer.application.port.in.EnqueueBatchUseCase.EnqueueBatchCommand;
import nl.bigregister.issuer.application.port.in.GetBatchQuery;
import nl.bigregister.issuer.application.port.in.IdempotencyKeyReusedException;
import nl.bigregister.issuer.application.port.in.StartIssuanceCommand;
import nl.bigregister.issuer.application.port.out.BatchRepository.FieldProblem;
import nl.bigregister.issuer.application.port.out.CredentialIssuer;
import nl.bigregister.issuer.application.port.out.CredentialIssuerUnavailableException;
import nl.bigregister.issuer.application.port.out.Lane;
import nl.bigregister.issuer.application.port.out.OfferRequest;
import nl.bigregister.issuer.application.port.out.WorkItem;
import nl.bigregister.issuer.application.port.out.WorkKind;
import nl.bigregister.issuer.domain.CallbackToken;
import nl.bigregister.issuer.domain.CorrelationId;
import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.IssuanceId;
import nl.bigregister.issuer.domain.IssuanceStatus;
import nl.bigregister.issuer.domain.Reference;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static nl.bigregister.issuer.application.fakes.TestIssuances.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Enqueueing batches, their progress, cancelling them, and dispatching them paced and behind the portal. */
class BatchServicesTest {

    final MutableClock clock = new MutableClock(T0);
    final InMemoryIssuanceRepository repository = new InMemoryIssuanceRepository();
    final InMemoryIssuanceQueue queue = new InMemoryIssuanceQueue(clock, b -> repository.findRequestedInBatch(b, 1_000_000));
    final InMemoryBatchRepository batches = new InMemoryBatchRepository();
    final DirectTransactions transactions = new DirectTransactions();
    final RecordingPublisher publisher = new RecordingPublisher();
    final EnqueueBatchService enqueue = new EnqueueBatchService(repository, batches, queue, transactions, clock);
    final BatchService batchService = new BatchService(batches, repository, queue, transactions, publisher, clock);

    static BatchLine valid(int index, String reference) {
        return new BatchLine.Valid(index, new Reference(reference), TestIssuances.sophie());
    }

    BatchReceipt enqueue(String client, Optional<String> key, String hash, List<BatchLine> lines) {
        return enqueue.enqueue(new EnqueueBatchCommand(client, key, lines.iterator(), () -> hash));
    }

    @Test
    void validRowsAreQueuedInTheBatchLaneAndInvalidOnesReported() {
        BatchReceipt receipt = enqueue("batch-1", Optional.empty(), "h", List.of(valid(0, "r-0"),
                new BatchLine.Invalid(1, "r-1", List.of(new FieldProblem("bigNumber", "must be exactly 11 digits"))),
                valid(2, "r-2"), valid(3, "r-0")));

        assertThat(receipt.accepted()).isEqualTo(2);
        assertThat(receipt.rejected()).extracting(r -> r.index()).containsExactly(1, 3);
        assertThat(receipt.rejected().get(1).errors().getFirst().message()).contains("more than once");
        List<CredentialIssuance> stored = repository.all();
        assertThat(stored).hasSize(2).allSatisfy(i -> {
            assertThat(i.status()).isEqualTo(IssuanceStatus.REQUESTED);
            assertThat(i.batchId()).contains(receipt.id());
            assertThat(queue.lane(i.id(), WorkKind.SUBMIT)).contains(Lane.BATCH);
        });
        assertThat(stored).extracting(i -> i.reference().orElseThrow().value()).containsExactlyInAnyOrder("r-0", "r-2");
    }

    @Test
    void aReferenceTheClientUsedBeforeIsADuplicate() {
        enqueue("batch-1", Optional.empty(), "h1", List.of(valid(0, "r-0")));
        BatchReceipt again = enqueue("batch-1", Optional.empty(), "h2", List.of(valid(0, "r-0"), valid(1, "r-1")));
        assertThat(again.accepted()).isEqualTo(1);
        assertThat(again.rejected()).singleElement().satisfies(r -> {
            assertThat(r.reference()).isEqualTo("r-0");
            assertThat(r.errors().getFirst().message()).contains("submitted before");
        });
        // Another client's references are its own.
        assertThat(enqueue("batch-2", Optional.empty(), "h3", List.of(valid(0, "r-0"))).accepted()).isEqualTo(1);
    }

    @Test
    void anIdempotencyKeyReturnsTheFirstAnswerAndRefusesAnotherBody() {
        BatchReceipt first = enqueue("batch-1", Optional.of("k-1"), "hash-a", List.of(valid(0, "r-0"),
                new BatchLine.Invalid(1, "r-1", List.of(new FieldProblem("lastName", "must not be blank")))));
        BatchReceipt again = enqueue("batch-1", Optional.of("k-1"), "hash-a", List.of(valid(0, "r-0")));
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.accepted()).isEqualTo(first.accepted());
        assertThat(again.rejected()).isEqualTo(first.rejected());
        assertThat(again.replayed()).isTrue();
        assertThat(repository.all()).hasSize(1);

        assertThatThrownBy(() -> enqueue("batch-1", Optional.of("k-1"), "hash-b", List.of(valid(0, "r-9"))))
                .isInstanceOf(IdempotencyKeyReusedException.class);
    }

    @Test
    void progressCountsEveryStatusAndIsVisibleToCreatorAndPrivilegedOnly() {
        BatchReceipt receipt = enqueue("batch-1", Optional.empty(), "h", List.of(valid(0, "a"), valid(1, "b")));
        GetBatchQuery.BatchProgress progress = batchService.progress(receipt.id(), new BatchViewer("batch-1", false));
        assertThat(progress.counts()).hasSize(IssuanceStatus.values().length)
                .containsEntry(IssuanceStatus.REQUESTED, 2L).containsEntry(IssuanceStatus.ISSUED, 0L);
        assertThat(progress.done()).isFalse();
        assertThat(batchService.progress(receipt.id(), new BatchViewer("ops", true)).batch().total()).isEqualTo(2);
        assertThatThrownBy(() -> batchService.progress(receipt.id(), new BatchViewer("batch-2", false)))
                .isInstanceOf(BatchNotFoundException.class);
    }

    @Test
    void cancellingABatchCancelsWhatWasNotOfferedYet() {
        BatchReceipt receipt = enqueue("batch-1", Optional.empty(), "h", List.of(valid(0, "a"), valid(1, "b"), valid(2, "c")));
        CredentialIssuance offered = repository.all().getFirst();
        offered.retrySubmission(CorrelationId.generate(), CallbackToken.generate(), T0); // as the dispatcher does
        offered.offerCreated(TestIssuances.offer(T0.plusSeconds(600)), T0);
        repository.update(offered);

        assertThat(batchService.cancel(receipt.id(), new BatchViewer("batch-1", false))).isEqualTo(2);
        GetBatchQuery.BatchProgress progress = batchService.progress(receipt.id(), new BatchViewer("batch-1", false));
        assertThat(progress.counts()).containsEntry(IssuanceStatus.CANCELLED, 2L).containsEntry(IssuanceStatus.OFFERED, 1L);
        assertThatThrownBy(() -> batchService.cancel(receipt.id(), new BatchViewer("intruder", false)))
                .isInstanceOf(BatchNotFoundException.class);
    }

    /** Credenco as a function, counting calls. */
    static class ScriptedCredenco implements CredentialIssuer {
        final List<String> calls = new ArrayList<>();
        boolean down;

        @Override
        public nl.bigregister.issuer.domain.CredentialOffer createOffer(OfferRequest request) {
            calls.add(request.claims().bigNumber().value());
            if (down) {
                throw new CredentialIssuerUnavailableException("down");
            }
            return TestIssuances.offer(request.expiresAt());
        }

        @Override
        public nl.bigregister.issuer.domain.StatusReport fetchStatus(nl.bigregister.issuer.domain.CorrelationId c, java.net.URI u) {
            throw new CredentialIssuerUnavailableException("not in this test");
        }

        @Override
        public void revoke(nl.bigregister.issuer.domain.RevocationId r) {
            throw new CredentialIssuerUnavailableException("not in this test");
        }
    }

    @Test
    void dispatchIsPacedAndAPortalsRetryGoesFirst() {
        AtomicLong nanos = new AtomicLong();
        List<Long> callTimes = new ArrayList<>();
        SubmissionGate gate = new SubmissionGate(10, 5, nanos::get, n -> nanos.addAndGet(n));
        ScriptedCredenco credenco = new ScriptedCredenco() {
            @Override
            public nl.bigregister.issuer.domain.CredentialOffer createOffer(OfferRequest request) {
                callTimes.add(nanos.get());
                return super.createOffer(request);
            }
        };
        IssuancePolicy policy = IssuancePolicy.defaults();
        OfferSubmitter submitter = new OfferSubmitter(credenco, repository, queue, transactions, publisher, policy, gate, clock);
        RetryRequestedIssuancesService dispatcher = new RetryRequestedIssuancesService(repository, queue, transactions,
                publisher, submitter, policy, gate, clock);
        enqueue("batch-1", Optional.empty(), "h", IntStream.range(0, 20).mapToObj(i -> valid(i, "r-" + i)).toList());
        // A portal's request that Credenco could not take earlier waits in the interactive lane.
        CredentialIssuance portal = TestIssuances.requested();
        repository.add(portal);
        queue.schedule(portal.id(), WorkKind.SUBMIT, T0);

        while (dispatcher.retryDue(3) > 0) {
            // drain
        }

        assertThat(repository.find(portal.id()).orElseThrow().status()).isEqualTo(IssuanceStatus.OFFERED);
        assertThat(repository.find(portal.id()).orElseThrow().currentAttempt().number()).isEqualTo(2);
        assertThat(credenco.calls).hasSize(21);
        assertThat(credenco.calls.getFirst()).isEqualTo(portal.bigNumber().value());
        for (int i = 1; i < callTimes.size(); i++) {
            assertThat(callTimes.get(i) - callTimes.get(i - 1)).isGreaterThanOrEqualTo(100_000_000L);
        }
        assertThat(repository.all()).allMatch(i -> i.status() == IssuanceStatus.OFFERED);
    }

    @Test
    void theBreakerStopsDispatchWhileCredencoIsDownInsteadOfBurningAttempts() {
        AtomicLong nanos = new AtomicLong();
        SubmissionGate gate = new SubmissionGate(1000, 3, nanos::get, n -> nanos.addAndGet(n));
        ScriptedCredenco credenco = new ScriptedCredenco();
        credenco.down = true;
        IssuancePolicy policy = IssuancePolicy.defaults();
        OfferSubmitter submitter = new OfferSubmitter(credenco, repository, queue, transactions, publisher, policy, gate, clock);
        RetryRequestedIssuancesService dispatcher = new RetryRequestedIssuancesService(repository, queue, transactions,
                publisher, submitter, policy, gate, clock);
        enqueue("batch-1", Optional.empty(), "h", IntStream.range(0, 50).mapToObj(i -> valid(i, "r-" + i)).toList());

        dispatcher.retryDue(10);
        assertThat(credenco.calls).as("three failures open the breaker").hasSize(3);
        assertThat(gate.isOpenForBackground()).isFalse();
        assertThat(dispatcher.retryDue(10)).isZero();
        assertThat(credenco.calls).hasSize(3);

        credenco.down = false;
        nanos.addAndGet(Duration.ofSeconds(3).toNanos());
        assertThat(gate.isOpenForBackground()).isTrue();
        clock.advance(Duration.ofMinutes(2));
        while (dispatcher.retryDue(10) > 0) {
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(repository.all()).allMatch(i -> i.status() == IssuanceStatus.OFFERED);
        assertThat(repository.all().stream().mapToInt(i -> i.attempts().size()).max().orElseThrow()).isLessThanOrEqualTo(3);
    }

    @Test
    void aPortalStartIsNeverQueuedBehindABatch() throws Exception {
        AtomicLong nanos = new AtomicLong();
        AtomicBoolean portalStarting = new AtomicBoolean();
        SubmissionGate gate = new SubmissionGate(10, 5, nanos::get, n -> {
            if (portalStarting.get()) {
                throw new AssertionError("a portal start may not wait here");
            }
            nanos.addAndGet(n);
        });
        // The batch has been running at full speed for a few seconds.
        for (int call = 0; call < 30; call++) {
            assertThat(gate.awaitBackgroundSlot(Duration.ofSeconds(1))).isTrue();
        }

        portalStarting.set(true);
        ScriptedCredenco credenco = new ScriptedCredenco();
        OfferSubmitter submitter = new OfferSubmitter(credenco, repository, queue, transactions, publisher,
                IssuancePolicy.defaults(), gate, clock);
        StartIssuanceService start = new StartIssuanceService(repository, queue, transactions, publisher, submitter, clock);
        assertThat(start.start(new StartIssuanceCommand(TestIssuances.sophie(), "portal-1")).status())
                .isEqualTo(IssuanceStatus.OFFERED);
    }

    @Test
    void portalStartsBeyondCredencosLimitAnswerRequestedAndGoFirstFromTheQueue() {
        AtomicLong nanos = new AtomicLong();
        SubmissionGate gate = new SubmissionGate(0.25, 5, nanos::get, nanos::addAndGet); // one call per 4 s
        ScriptedCredenco credenco = new ScriptedCredenco();
        OfferSubmitter submitter = new OfferSubmitter(credenco, repository, queue, transactions, publisher,
                IssuancePolicy.defaults(), gate, clock);
        StartIssuanceService start = new StartIssuanceService(repository, queue, transactions, publisher, submitter, clock);

        assertThat(start.start(new StartIssuanceCommand(TestIssuances.sophie(), "portal-1")).status())
                .isEqualTo(IssuanceStatus.OFFERED);
        CredentialIssuance second = start.start(new StartIssuanceCommand(TestIssuances.sophie(), "portal-1"));

        assertThat(second.status()).as("no waiting beyond a second").isEqualTo(IssuanceStatus.REQUESTED);
        assertThat(credenco.calls).hasSize(1);
        assertThat(queue.claimDue(WorkKind.SUBMIT, clock.instant(), 10, Duration.ofMinutes(1)))
                .as("due now, not after its lease").extracting(WorkItem::issuanceId).containsExactly(second.id());
    }
}
