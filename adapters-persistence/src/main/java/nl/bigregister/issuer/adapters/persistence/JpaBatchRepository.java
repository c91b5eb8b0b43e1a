package nl.bigregister.issuer.adapters.persistence;

import jakarta.persistence.EntityManager;
import nl.bigregister.issuer.application.port.out.BatchRepository;
import nl.bigregister.issuer.domain.Batch;
import nl.bigregister.issuer.domain.BatchId;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Batches, their rejected rows and idempotency keys in plain tables, with native SQL: they are written once. */
public final class JpaBatchRepository implements BatchRepository {

    private final JpaTransactions transactions;

    public JpaBatchRepository(JpaTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(Batch batch, List<Rejection> rejections) {
        EntityManager em = transactions.entityManager();
        em.createNativeQuery("insert into batch (id, created_by, created_at, total) values (?1, ?2, ?3, ?4)")
                .setParameter(1, batch.id().value()).setParameter(2, batch.createdBy())
                .setParameter(3, batch.createdAt().atOffset(ZoneOffset.UTC)).setParameter(4, batch.total())
                .executeUpdate();
        for (Rejection r : rejections) {
            for (int position = 0; position < r.errors().size(); position++) {
                FieldProblem problem = r.errors().get(position);
                em.createNativeQuery("insert into batch_rejection (batch_id, row_index, reference, field, message, position) "
                                + "values (?1, ?2, ?3, ?4, ?5, ?6)")
                        .setParameter(1, batch.id().value()).setParameter(2, r.index())
                        .setParameter(3, r.reference() == null ? null : truncate(r.reference(), 100))
                        .setParameter(4, truncate(problem.field(), 100)).setParameter(5, truncate(problem.message(), 500))
                        .setParameter(6, position)
                        .executeUpdate();
            }
        }
    }

    @Override
    public Optional<Batch> find(BatchId id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = transactions.entityManager()
                .createNativeQuery("select created_by, created_at, total from batch where id = ?1")
                .setParameter(1, id.value()).getResultList();
        return rows.stream().findFirst().map(row -> new Batch(id, (String) row[0], Columns.instant(row[1]),
                ((Number) row[2]).intValue()));
    }

    @Override
    public List<Rejection> rejections(BatchId id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = transactions.entityManager().createNativeQuery(
                        "select row_index, reference, field, message from batch_rejection where batch_id = ?1 "
                                + "order by row_index, position")
                .setParameter(1, id.value()).getResultList();
        Map<Integer, Rejection> byRow = new LinkedHashMap<>();
        for (Object[] row : rows) {
            int index = ((Number) row[0]).intValue();
            byRow.computeIfAbsent(index, i -> new Rejection(i, (String) row[1], new ArrayList<>()))
                    .errors().add(new FieldProblem((String) row[2], (String) row[3]));
        }
        return byRow.values().stream().map(r -> new Rejection(r.index(), r.reference(), List.copyOf(r.errors()))).toList();
    }

    @Override
    public Optional<IdempotentRequest> findIdempotentRequest(String clientId, String idempotencyKey) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = transactions.entityManager().createNativeQuery(
                        "select request_hash, batch_id from idempotency_key where client_id = ?1 and idempotency_key = ?2")
                .setParameter(1, clientId).setParameter(2, idempotencyKey).getResultList();
        return rows.stream().findFirst()
                .map(row -> new IdempotentRequest((String) row[0], new BatchId(Columns.uuid(row[1]))));
    }

    @Override
    public void saveIdempotentRequest(String clientId, String idempotencyKey, IdempotentRequest request) {
        transactions.entityManager().createNativeQuery("insert into idempotency_key "
                        + "(client_id, idempotency_key, request_hash, batch_id, created_at) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, clientId).setParameter(2, idempotencyKey).setParameter(3, request.requestHash())
                .setParameter(4, request.batchId().value()).setParameter(5, Instant.now().atOffset(ZoneOffset.UTC))
                .executeUpdate();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
