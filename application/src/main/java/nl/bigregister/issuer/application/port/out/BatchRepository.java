package nl.bigregister.issuer.application.port.out;

import nl.bigregister.issuer.domain.Batch;
import nl.bigregister.issuer.domain.BatchId;

import java.util.List;
import java.util.Optional;

/** Where batches, their rejected rows and their idempotency keys are kept. Called inside a transaction. */
public interface BatchRepository {

    /** A row of a batch request that was not accepted, and why. */
    record Rejection(int index, String reference, List<FieldProblem> errors) {
    }

    /** One problem with one field. */
    record FieldProblem(String field, String message) {
    }

    /** A request made with an Idempotency-Key: the hash of its body and the batch it created. */
    record IdempotentRequest(String requestHash, BatchId batchId) {
    }

    void add(Batch batch, List<Rejection> rejections);

    Optional<Batch> find(BatchId id);

    List<Rejection> rejections(BatchId id);

    Optional<IdempotentRequest> findIdempotentRequest(String clientId, String idempotencyKey);

    void saveIdempotentRequest(String clientId, String idempotencyKey, IdempotentRequest request);
}
