package nl.bigregister.issuer.application.port.in;

import nl.bigregister.issuer.domain.Batch;
import nl.bigregister.issuer.domain.BatchId;
import nl.bigregister.issuer.domain.IssuanceStatus;

import java.util.Map;

/** A batch and how far its items are. */
public interface GetBatchQuery {

    /** Counts per status (every status present, zero included); done once no item is still open. */
    record BatchProgress(Batch batch, Map<IssuanceStatus, Long> counts) {
        public boolean done() {
            return counts.entrySet().stream().noneMatch(e -> e.getKey().isOpen() && e.getValue() > 0);
        }
    }

    /** @throws BatchNotFoundException when there is none, or the viewer may not see it */
    BatchProgress progress(BatchId id, BatchViewer viewer);
}
