package nl.bigregister.issuer.adapters.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import nl.bigregister.issuer.application.port.out.AuditQuery;
import nl.bigregister.issuer.application.port.out.AuditTrail;
import nl.bigregister.issuer.domain.audit.AuditAction;
import nl.bigregister.issuer.domain.audit.AuditEntry;
import nl.bigregister.issuer.domain.audit.AuditEvent;
import nl.bigregister.issuer.domain.audit.ChainVerification;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The audit trail in {@code audit_event}, chained through {@code audit_head}: an append locks the head
 * row, so appends are ordered, for the rest of its transaction only — callers append last, just before
 * commit. Reading goes page by page on the sequence, so exports and verification use bounded memory.
 */
public final class JpaAuditTrail implements AuditTrail {

    private static final int PAGE = 2000;
    private static final String COLUMNS = "sequence, id, occurred_at, action, outcome, actor, on_behalf_of, subject, "
            + "issuance_id, correlation_id, source_address, detail, previous_hash, hash";

    private final JpaTransactions transactions;

    public JpaAuditTrail(JpaTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void append(AuditEntry entry) {
        appendAll(List.of(entry));
    }

    @Override
    public void appendAll(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        EntityManager em = transactions.entityManager();
        Object[] head = (Object[]) em.createNativeQuery(
                "select last_sequence, last_hash from audit_head where id = 1 for update").getSingleResult();
        long sequence = ((Number) head[0]).longValue();
        String previous = (String) head[1];
        for (AuditEntry entry : entries) {
            AuditEvent event = AuditEvent.chain(UUID.randomUUID(), ++sequence, entry, previous);
            insert(em, entry, event);
            previous = event.hash();
        }
        em.createNativeQuery("update audit_head set last_sequence = ?1, last_hash = ?2 where id = 1")
                .setParameter(1, sequence).setParameter(2, previous).executeUpdate();
    }

    private static void insert(EntityManager em, AuditEntry entry, AuditEvent event) {
        em.createNativeQuery("insert into audit_event (" + COLUMNS + ") values "
                        + "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)")
                .setParameter(1, event.sequence()).setParameter(2, event.id())
                .setParameter(3, entry.occurredAt().atOffset(ZoneOffset.UTC)).setParameter(4, entry.action().name())
                .setParameter(5, entry.outcome()).setParameter(6, entry.actor())
                .setParameter(7, entry.onBehalfOf().orElse(null)).setParameter(8, entry.subject().orElse(null))
                .setParameter(9, entry.issuanceId().orElse(null)).setParameter(10, entry.correlationId().orElse(null))
                .setParameter(11, entry.sourceAddress().orElse(null)).setParameter(12, entry.detail())
                .setParameter(13, event.previousHash()).setParameter(14, event.hash())
                .executeUpdate();
    }

    @Override
    public List<AuditEvent> find(AuditQuery query) {
        return page(query, query.afterSequence(), Math.min(query.limit(), AuditQuery.MAX_LIMIT) + 1);
    }

    @Override
    public void forEach(AuditQuery query, Consumer<AuditEvent> consumer) {
        long after = query.afterSequence();
        List<AuditEvent> page;
        do {
            page = page(query, after, PAGE);
            page.forEach(consumer);
            if (!page.isEmpty()) {
                after = page.getLast().sequence();
            }
            transactions.entityManager().clear();
        } while (page.size() == PAGE);
    }

    private List<AuditEvent> page(AuditQuery q, long afterSequence, int size) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from audit_event where sequence > ?1");
        List<Object> parameters = new ArrayList<>();
        parameters.add(afterSequence);
        q.subject().ifPresent(v -> condition(sql, parameters, "subject = ", v));
        q.actor().ifPresent(v -> condition(sql, parameters, "actor = ", v));
        q.action().ifPresent(v -> condition(sql, parameters, "action = ", v.name()));
        q.issuanceId().ifPresent(v -> condition(sql, parameters, "issuance_id = ", v));
        q.from().ifPresent(v -> condition(sql, parameters, "occurred_at >= ", v.atOffset(ZoneOffset.UTC)));
        q.to().ifPresent(v -> condition(sql, parameters, "occurred_at < ", v.atOffset(ZoneOffset.UTC)));
        sql.append(" order by sequence fetch first ").append(size).append(" rows only");
        Query query = transactions.entityManager().createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(JpaAuditTrail::event).toList();
    }

    private static void condition(StringBuilder sql, List<Object> parameters, String column, Object value) {
        parameters.add(value);
        sql.append(" and ").append(column).append('?').append(parameters.size());
    }

    private static AuditEvent event(Object[] r) {
        AuditEntry entry = new AuditEntry(Columns.instant(r[2]), AuditAction.valueOf((String) r[3]), (String) r[4],
                (String) r[5], Optional.ofNullable((String) r[6]), Optional.ofNullable((String) r[7]),
                Optional.ofNullable((String) r[8]), Optional.ofNullable((String) r[9]), Optional.ofNullable((String) r[10]),
                (String) r[11]);
        return new AuditEvent(Columns.uuid(r[1]), ((Number) r[0]).longValue(), entry, (String) r[12], (String) r[13]);
    }

    @Override
    public ChainVerification.Result verify() {
        ChainVerification chain = new ChainVerification();
        AuditQuery everything = new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), PAGE, 0);
        long after = 0;
        List<AuditEvent> page;
        boolean intact = true;
        do {
            page = page(everything, after, PAGE);
            for (AuditEvent event : page) {
                if (!chain.accept(event)) {
                    intact = false;
                    break;
                }
            }
            if (!page.isEmpty()) {
                after = page.getLast().sequence();
            }
            transactions.entityManager().clear();
        } while (intact && page.size() == PAGE);
        ChainVerification.Result result = chain.result();
        if (result.valid()) {
            // The newest events removed leave the head pointing past the end of the chain.
            Object[] head = (Object[]) transactions.entityManager().createNativeQuery(
                    "select last_sequence, last_hash from audit_head where id = 1").getSingleResult();
            long headSequence = ((Number) head[0]).longValue();
            if (headSequence != result.events() || !result.head().equals(head[1])) {
                return new ChainVerification.Result(false, result.events(), result.head(),
                        Optional.of(result.events() + 1), Optional.of("the chain ends at event " + result.events()
                        + " but its head says " + headSequence + " (the newest events were removed)"));
            }
        }
        return result;
    }
}
