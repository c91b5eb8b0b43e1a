package nl.bigregister.issuer.application.port.in;

import nl.bigregister.issuer.domain.BatchId;

/** Cancels the items of a batch that have not been offered yet; offers already made stay. */
public interface CancelBatchUseCase {

    /** @return how many items were cancelled */
    int cancel(BatchId id, BatchViewer viewer);
}
