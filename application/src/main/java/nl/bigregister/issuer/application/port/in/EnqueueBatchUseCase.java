package nl.bigregister.issuer.application.port.in;

import nl.bigregister.issuer.application.port.out.BatchRepository.Rejection;
import nl.bigregister.issuer.domain.BatchId;

import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A batch job enqueues many issuances at once. Rows are consumed as a stream, so memory stays bounded;
 * valid rows become requested issuances, invalid ones and references the client used before are reported;
 * all of it in one transaction, so a request that fails half-way stores nothing.
 */
public interface EnqueueBatchUseCase {

    /**
     * @param requestHash the SHA-256 of the request body, known once {@code lines} is exhausted; with an
     *                    idempotency key, the same key and hash return the first answer again
     */
    record EnqueueBatchCommand(String clientId, Optional<String> idempotencyKey, Iterator<BatchLine> lines,
                               Supplier<String> requestHash) {
        public EnqueueBatchCommand {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
            Objects.requireNonNull(lines, "lines");
            Objects.requireNonNull(requestHash, "requestHash");
        }
    }

    /** What the batch job is told: the batch, how many rows were accepted, and every rejected row. */
    record BatchReceipt(BatchId id, int accepted, List<Rejection> rejected, boolean replayed) {
    }

    /** @throws IdempotencyKeyReusedException when the key came before with another body */
    BatchReceipt enqueue(EnqueueBatchCommand command);
}
