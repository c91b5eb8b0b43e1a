package nl.bigregister.issuer.application.fakes;

import nl.bigregister.issuer.application.port.out.BatchRepository;
import nl.bigregister.issuer.domain.Batch;
import nl.bigregister.issuer.domain.BatchId;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Batches in memory. */
public final class InMemoryBatchRepository implements BatchRepository {

    private final Map<BatchId, Batch> batches = new ConcurrentHashMap<>();
    private final Map<BatchId, List<Rejection>> rejections = new ConcurrentHashMap<>();
    private final Map<String, IdempotentRequest> requests = new ConcurrentHashMap<>();

    @Override
    public void add(Batch batch, List<Rejection> rejected) {
        batches.put(batch.id(), batch);
        rejections.put(batch.id(), List.copyOf(rejected));
    }

    @Override
    public Optional<Batch> find(BatchId id) {
        return Optional.ofNullable(batches.get(id));
    }

    @Override
    public List<Rejection> rejections(BatchId id) {
        return rejections.getOrDefault(id, List.of());
    }

    @Override
    public Optional<IdempotentRequest> findIdempotentRequest(String clientId, String idempotencyKey) {
        return Optional.ofNullable(requests.get(clientId + "\n" + idempotencyKey));
    }

    @Override
    public void saveIdempotentRequest(String clientId, String idempotencyKey, IdempotentRequest request) {
        if (requests.putIfAbsent(clientId + "\n" + idempotencyKey, request) != null) {
            throw new IllegalStateException("idempotency key stored twice");
        }
    }
}
