package nl.bigregister.issuer.application;

import nl.bigregister.issuer.application.fakes.TestIssuances;
import nl.bigregister.issuer.application.port.in.BatchLine;
import nl.bigregister.issuer.application.port.in.BatchViewer;
import nl.bigregister.issuer.application.port.in.EnqueueBatchUseCase.BatchReceipt;
import nl.bigregister.issuer.application.port.in.EnqueueBatchUseCase.EnqueueBatchCommand;
import nl.bigregister.issuer.application.port.out.BatchRepository;
import nl.bigregister.issuer.application.port.out.BatchRepository.FieldProblem;
import nl.bigregister.issuer.application.port.out.IssuanceQueue;
import nl.bigregister.issuer.application.port.out.IssuanceRepository;
import nl.bigregister.issuer.application.port.out.IssuanceSearch;
import nl.bigregister.issuer.application.port.out.Transactions;
import nl.bigregister.issuer.application.port.out.WorkItem;
import nl.bigregister.issuer.application.port.out.WorkKind;
import nl.bigregister.issuer.application.service.BatchService;
import nl.bigregister.issuer.application.service.EnqueueBatchService;
import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.IssuanceStatus;
import nl.bigregister.issuer.domain.Reference;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Batches stored and found again on every storage: the fake, H2 and PostgreSQL. */
public abstract class BatchStorageContract {

    protected abstract IssuanceRepository issuances();

    protected abstract BatchRepository batches();

    protected abstract IssuanceQueue queue();

    protected abstract Transactions transactions();

    private final String client = "batch-" + UUID.randomUUID();

    private BatchReceipt enqueue(Optional<String> key, List<BatchLine> lines) {
        return new EnqueueBatchService(issuances(), batches(), queue(), transactions(), Clock.systemUTC())
                .enqueue(new EnqueueBatchCommand(client, key, lines.iterator(), () -> "hash"));
    }

    @Test
    void aBatchOfManyChunksIsStoredWithItsRejectionsAndQueuedInTheBatchLane() {
        List<BatchLine> lines = new ArrayList<>();
        IntStream.range(0, 1200).forEach(i -> lines.add(new BatchLine.Valid(i, new Reference("ref-" + i), TestIssuances.sophie())));
        lines.add(new BatchLine.Invalid(1200, "bad", List.of(new FieldProblem("bigNumber", "must be exactly 11 digits"),
                new FieldProblem("profession", "unknown"))));
        BatchReceipt receipt = enqueue(Optional.of("key-1"), lines);

        assertThat(receipt.accepted()).isEqualTo(1200);
        assertThat(transactions().inTransaction(() -> batches().find(receipt.id()))).get()
                .satisfies(b -> {
                    assertThat(b.total()).isEqualTo(1200);
                    assertThat(b.createdBy()).isEqualTo(client);
                });
        assertThat(transactions().inTransaction(() -> batches().rejections(receipt.id()))).singleElement()
                .satisfies(r -> assertThat(r.errors()).extracting(FieldProblem::field).containsExactly("bigNumber", "profession"));
        assertThat(transactions().inTransaction(() -> batches().findIdempotentRequest(client, "key-1"))).get()
                .satisfies(r -> assertThat(r.batchId()).isEqualTo(receipt.id()));

        BatchService service = new BatchService(batches(), issuances(), queue(), transactions(), events -> { }, Clock.systemUTC());
        assertThat(service.progress(receipt.id(), new BatchViewer(client, false)).counts())
                .containsEntry(IssuanceStatus.REQUESTED, 1200L);
        assertThat(transactions().inTransaction(() -> issuances().search(new IssuanceSearch(Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), 5, Optional.empty()).inBatch(receipt.id()))))
                .hasSize(6).allSatisfy(i -> assertThat(i.batchId()).contains(receipt.id()));

        // Interactive work due later still goes before batch work due now.
        CredentialIssuance portal = TestIssuances.requested();
        Instant now = Instant.now();
        transactions().run(() -> {
            issuances().add(portal);
            queue().schedule(portal.id(), WorkKind.SUBMIT, now.minusSeconds(1));
        });
        List<WorkItem> first = transactions().inTransaction(() ->
                queue().claimDue(WorkKind.SUBMIT, now.plusSeconds(5), 1, Duration.ofMinutes(5)));
        assertThat(first).extracting(WorkItem::issuanceId).containsExactly(portal.id());

        assertThat(service.cancel(receipt.id(), new BatchViewer(client, false))).isEqualTo(1200);
        assertThat(service.progress(receipt.id(), new BatchViewer(client, false)).done()).isTrue();
    }

    @Test
    void referencesAreUniquePerClient() {
        enqueue(Optional.empty(), List.of(new BatchLine.Valid(0, new Reference("r-1"), TestIssuances.sophie())));
        BatchReceipt again = enqueue(Optional.empty(), List.of(
                new BatchLine.Valid(0, new Reference("r-1"), TestIssuances.sophie()),
                new BatchLine.Valid(1, new Reference("r-2"), TestIssuances.sophie())));
        assertThat(again.accepted()).isEqualTo(1);
        assertThat(again.rejected()).singleElement().satisfies(r -> assertThat(r.reference()).isEqualTo("r-1"));
    }
}
