package nl.bigregister.issuer.application.service;

import nl.bigregister.issuer.application.port.in.BatchNotFoundException;
import nl.bigregister.issuer.application.port.in.BatchViewer;
import nl.bigregister.issuer.application.port.in.CancelBatchUseCase;
import nl.bigregister.issuer.application.port.in.GetBatchQuery;
import nl.bigregister.issuer.application.port.out.BatchRepository;
import nl.bigregister.issuer.application.port.out.ConcurrentUpdateException;
import nl.bigregister.issuer.application.port.out.IssuanceEventPublisher;
import nl.bigregister.issuer.application.port.out.IssuanceQueue;
import nl.bigregister.issuer.application.port.out.IssuanceRepository;
import nl.bigregister.issuer.application.port.out.Transactions;
import nl.bigregister.issuer.domain.Batch;
import nl.bigregister.issuer.domain.BatchId;
import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.IssuanceEvent;
import nl.bigregister.issuer.domain.IssuanceId;
import nl.bigregister.issuer.domain.IssuanceStatus;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A batch's progress, and cancelling what of it has not been offered yet; only for those who may see it. */
public final class BatchService implements GetBatchQuery, CancelBatchUseCase {

    private static final int CHUNK = 500;

    private final BatchRepository batches;
    private final IssuanceRepository issuances;
    private final IssuanceQueue queue;
    private final Transactions transactions;
    private final IssuanceEventPublisher publisher;
    private final Clock clock;

    public BatchService(BatchRepository batches, IssuanceRepository issuances, IssuanceQueue queue,
                        Transactions transactions, IssuanceEventPublisher publisher, Clock clock) {
        this.batches = batches;
        this.issuances = issuances;
        this.queue = queue;
        this.transactions = transactions;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public BatchProgress progress(BatchId id, BatchViewer viewer) {
        return transactions.inTransaction(() -> {
            Batch batch = visible(id, viewer);
            Map<IssuanceStatus, Long> counts = new EnumMap<>(IssuanceStatus.class);
            for (IssuanceStatus s : IssuanceStatus.values()) {
                counts.put(s, 0L);
            }
            counts.putAll(issuances.countByStatus(id));
            return new BatchProgress(batch, counts);
        });
    }

    @Override
    public int cancel(BatchId id, BatchViewer viewer) {
        transactions.inTransaction(() -> visible(id, viewer));
        int cancelled = 0;
        List<IssuanceId> chunk;
        do {
            chunk = transactions.inTransaction(() -> issuances.findRequestedInBatch(id, CHUNK));
            for (IssuanceId issuanceId : chunk) {
                if (cancelOne(issuanceId)) {
                    cancelled++;
                }
            }
        } while (chunk.size() == CHUNK);
        return cancelled;
    }

    /**
     * One item per transaction, tried again when the dispatcher changed it at the same moment (it may just
     * have started an attempt): a batch being dispatched can still be cancelled.
     */
    private boolean cancelOne(IssuanceId issuanceId) {
        for (int tries = 0; ; tries++) {
            try {
                List<IssuanceEvent> events = new ArrayList<>();
                boolean done = transactions.inTransaction(() -> {
                    CredentialIssuance issuance = Issuances.load(issuances, issuanceId);
                    if (issuance.status() != IssuanceStatus.REQUESTED) {
                        return false; // offered (or failed) meanwhile: no longer ours to cancel
                    }
                    issuance.cancel(clock.instant());
                    issuances.update(issuance);
                    queue.completeAll(issuanceId);
                    events.addAll(issuance.pullEvents());
                    return true;
                });
                publisher.publish(events);
                return done;
            } catch (ConcurrentUpdateException e) {
                if (tries == 4) {
                    throw e;
                }
            }
        }
    }

    private Batch visible(BatchId id, BatchViewer viewer) {
        return batches.find(id).filter(viewer::maySee).orElseThrow(() -> new BatchNotFoundException(id));
    }
}
