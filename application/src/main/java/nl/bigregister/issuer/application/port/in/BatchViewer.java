package nl.bigregister.issuer.application.port.in;

import nl.bigregister.issuer.domain.Batch;

/** Who asks about a batch: its creator sees it, and so does a client that may see every batch. */
public record BatchViewer(String clientId, boolean seesAllBatches) {

    public boolean maySee(Batch batch) {
        return seesAllBatches || batch.createdBy().equals(clientId);
    }
}
