package nl.bigregister.issuer.adapters.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import nl.bigregister.issuer.application.port.out.AuditQuery;
import nl.bigregister.issuer.application.port.out.AuditTrail;
import nl.bigregister.issuer.domain.audit.AuditAction;
import nl.bigregister.issuer.domain.audit.AuditEntry;
import nl.bigregister.issuer.domain.audit.AuditEvent;
import nl.bigregister.issuer.domain.audit.ChainVerification;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
    private static final int JDBC_BATCH = 500;
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
        List<AuditEvent> events = new ArrayList<>(entries.size());
        for (AuditEntry entry : entries) {
            AuditEvent event = AuditEvent.chain(UUID.randomUUID(), ++sequence, entry, previous);
            events.add(event);
            previous = event.hash();
        }
        // A batch of 100,000 items appends as many events: sent as JDBC batches, not one round trip each.
        em.unwrap(Session.class).doWork(connection -> insert(connection, entries, events));
        em.createNativeQuery("update audit_head set last_sequence = ?1, last_hash = ?2 where id = 1")
                .setParameter(1, sequence).setParameter(2, previous).executeUpdate();
    }

    private static void insert(Connection connection, List<AuditEntry> entries, List<AuditEvent> events)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into audit_event (" + COLUMNS + ") "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < events.size(); i++) {
                AuditEntry entry = entries.get(i);
                AuditEvent event = events.get(i);
                insert.setLong(1, event.sequence());
                insert.setObject(2, event.id());
                insert.setObject(3, entry.occurredAt().atOffset(ZoneOffset.UTC));
                insert.setString(4, entry.action().name());
                insert.setString(5, entry.outcome());
                insert.setString(6, entry.actor());
                insert.setString(7, entry.onBehalfOf().orElse(null));
                insert.setString(8, entry.subject().orElse(null));
                insert.setString(9, entry.issuanceId().orElse(null));
                insert.setString(10, entry.correlationId().orElse(null));
                insert.setString(11, entry.sourceAddress().orElse(null));
                insert.setString(12, entry.detail());
                insert.setString(13, event.previousHash());
                insert.setString(14, event.hash());
                insert.addBatch();
                if ((i + 1) % JDBC_BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
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
