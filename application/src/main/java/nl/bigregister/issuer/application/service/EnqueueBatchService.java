package nl.bigregister.issuer.application.service;

import nl.bigregister.issuer.application.port.in.BatchLine;
import nl.bigregister.issuer.application.port.in.EnqueueBatchUseCase;
import nl.bigregister.issuer.application.port.in.IdempotencyKeyReusedException;
import nl.bigregister.issuer.application.port.out.BatchRepository;
import nl.bigregister.issuer.application.port.out.BatchRepository.FieldProblem;
import nl.bigregister.issuer.application.port.out.BatchRepository.IdempotentRequest;
import nl.bigregister.issuer.application.port.out.BatchRepository.Rejection;
import nl.bigregister.issuer.application.port.out.IssuanceQueue;
import nl.bigregister.issuer.application.port.out.IssuanceRepository;
import nl.bigregister.issuer.application.port.out.Transactions;
import nl.bigregister.issuer.domain.Batch;
import nl.bigregister.issuer.domain.BatchId;
import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.IssuanceId;
import nl.bigregister.issuer.domain.Reference;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Enqueues a batch in one transaction, a chunk of rows at a time: each valid row becomes a requested
 * issuance in the batch lane of the queue; invalid rows and references seen before are rejected.
 */
public final class EnqueueBatchService implements EnqueueBatchUseCase {

    static final int CHUNK = 500;

    private final IssuanceRepository issuances;
    private final BatchRepository batches;
    private final IssuanceQueue queue;
    private final Transactions transactions;
    private final Clock clock;

    public EnqueueBatchService(IssuanceRepository issuances, BatchRepository batches, IssuanceQueue queue,
                               Transactions transactions, Clock clock) {
        this.issuances = issuances;
        this.batches = batches;
        this.queue = queue;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public BatchReceipt enqueue(EnqueueBatchCommand command) {
        return transactions.inTransaction(() -> {
            Optional<IdempotentRequest> earlier = command.idempotencyKey()
                    .flatMap(key -> batches.findIdempotentRequest(command.clientId(), key));
            if (earlier.isPresent()) {
                return replay(command, earlier.get());
            }
            BatchId batchId = BatchId.generate();
            Instant now = clock.instant();
            List<Rejection> rejected = new ArrayList<>();
            Set<Reference> seen = new HashSet<>();
            List<BatchLine.Valid> chunk = new ArrayList<>(CHUNK);
            int accepted = 0;
            while (command.lines().hasNext()) {
                switch (command.lines().next()) {
                    case BatchLine.Invalid invalid ->
                            rejected.add(new Rejection(invalid.index(), invalid.reference(), invalid.errors()));
                    case BatchLine.Valid valid -> {
                        if (!seen.add(valid.reference())) {
                            rejected.add(duplicate(valid, "appears more than once in this batch"));
                        } else {
                            chunk.add(valid);
                        }
                    }
                }
                if (chunk.size() == CHUNK) {
                    accepted += store(command.clientId(), batchId, chunk, rejected, now);
                    chunk.clear();
                }
            }
            accepted += store(command.clientId(), batchId, chunk, rejected, now);
            rejected.sort((a, b) -> Integer.compare(a.index(), b.index()));
            batches.add(new Batch(batchId, command.clientId(), now, accepted), rejected);
            queue.scheduleBatch(batchId, now);
            String hash = command.requestHash().get();
            command.idempotencyKey().ifPresent(key ->
                    batches.saveIdempotentRequest(command.clientId(), key, new IdempotentRequest(hash, batchId)));
            return new BatchReceipt(batchId, accepted, List.copyOf(rejected), false);
        });
    }

    private BatchReceipt replay(EnqueueBatchCommand command, IdempotentRequest earlier) {
        // The body must be read to the end to know whether it is the same request.
        while (command.lines().hasNext()) {
            command.lines().next();
        }
        if (!earlier.requestHash().equals(command.requestHash().get())) {
            throw new IdempotencyKeyReusedException();
        }
        Batch batch = batches.find(earlier.batchId()).orElseThrow();
        return new BatchReceipt(batch.id(), batch.total(), batches.rejections(batch.id()), true);
    }

    private int store(String clientId, BatchId batchId, List<BatchLine.Valid> chunk, List<Rejection> rejected,
                      Instant now) {
        if (chunk.isEmpty()) {
            return 0;
        }
        Set<Reference> usedBefore = issuances.existingReferences(clientId,
                chunk.stream().map(BatchLine.Valid::reference).collect(Collectors.toSet()));
        List<CredentialIssuance> fresh = new ArrayList<>(chunk.size());
        for (BatchLine.Valid row : chunk) {
            if (usedBefore.contains(row.reference())) {
                rejected.add(duplicate(row, "was submitted before by this client"));
            } else {
                fresh.add(CredentialIssuance.enqueue(IssuanceId.generate(), row.claims(), clientId, batchId,
                        row.reference(), now));
            }
        }
        issuances.addAll(fresh);
        return fresh.size();
    }

    private static Rejection duplicate(BatchLine.Valid row, String why) {
        return new Rejection(row.index(), row.reference().value(), List.of(new FieldProblem("reference", why)));
    }
}
