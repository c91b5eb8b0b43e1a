package nl.bigregister.issuer.application.port.in;

import nl.bigregister.issuer.domain.BatchId;

/** No batch with that id that this client may see. */
public final class BatchNotFoundException extends RuntimeException {

    public BatchNotFoundException(BatchId id) {
        super("no batch " + id);
    }
}
