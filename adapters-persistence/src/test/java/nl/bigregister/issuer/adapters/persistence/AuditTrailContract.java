package nl.bigregister.issuer.adapters.persistence;

import nl.bigregister.issuer.application.port.out.AuditQuery;
import nl.bigregister.issuer.domain.audit.AuditAction;
import nl.bigregister.issuer.domain.audit.AuditEntry;
import nl.bigregister.issuer.domain.audit.AuditEvent;
import nl.bigregister.issuer.domain.audit.ChainVerification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit trail on a real database: appended in a chain, found by its fields, and tampering named. */
abstract class AuditTrailContract {

    protected abstract Database newDatabase();

    /** Direct SQL as a database administrator would do it, around the application. */
    protected abstract void tamper(Database database, String sql) throws SQLException;

    Database database;
    JpaTransactions transactions;
    JpaAuditTrail trail;

    @BeforeEach
    void open() {
        database = newDatabase();
        transactions = new JpaTransactions(database);
        trail = new JpaAuditTrail(transactions);
    }

    @AfterEach
    void close() {
        database.close();
    }

    static AuditEntry entry(AuditAction action, String actor, String subject, int n) {
        return new AuditEntry(Instant.parse("2026-03-19T09:00:00.123456789Z").plusSeconds(n), action, "success", actor,
                Optional.of("user-" + n), Optional.of(subject), Optional.of("issuance-" + n), Optional.empty(),
                Optional.of("127.0.0.1"), "detail " + n);
    }

    void appendSome(int count) {
        for (int n = 1; n <= count; n++) {
            int i = n;
            transactions.run(() -> trail.append(entry(i % 2 == 0 ? AuditAction.ISSUANCE_READ : AuditAction.ISSUANCE_REQUESTED,
                    i % 3 == 0 ? "auditor-1" : "portal-1", i <= 3 ? "29065432101" : "11111111111", i)));
        }
    }

    ChainVerification.Result verify() {
        return transactions.inTransaction(trail::verify);
    }

    static AuditQuery all(int limit, long after) {
        return new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), limit, after);
    }

    @Test
    void appendedEventsFormAnIntactChain() {
        appendSome(7);
        ChainVerification.Result result = verify();
        assertThat(result.valid()).isTrue();
        assertThat(result.events()).isEqualTo(7);
        List<AuditEvent> events = transactions.inTransaction(() -> trail.find(all(100, 0)));
        assertThat(events).extracting(AuditEvent::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(result.head()).isEqualTo(events.getLast().hash());
        assertThat(events.getFirst().previousHash()).isEqualTo(AuditEvent.GENESIS);
        assertThat(events.get(1).previousHash()).isEqualTo(events.getFirst().hash());
        assertThat(events.getFirst().entry()).isEqualTo(entry(AuditAction.ISSUANCE_REQUESTED, "portal-1", "29065432101", 1));
    }

    @Test
    void eventsAreFoundByTheirFieldsAPageAtATime() {
        appendSome(7);
        AuditQuery bySubject = new AuditQuery(Optional.of("29065432101"), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), 2, 0);
        List<AuditEvent> first = transactions.inTransaction(() -> trail.find(bySubject));
        assertThat(first).extracting(AuditEvent::sequence).containsExactly(1L, 2L, 3L);
        AuditQuery next = new AuditQuery(Optional.of("29065432101"), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), 2, 2);
        assertThat(transactions.inTransaction(() -> trail.find(next))).extracting(AuditEvent::sequence).containsExactly(3L);
        AuditQuery byActorAndAction = new AuditQuery(Optional.empty(), Optional.of("auditor-1"),
                Optional.of(AuditAction.ISSUANCE_READ), Optional.empty(), Optional.empty(), Optional.empty(), 10, 0);
        assertThat(transactions.inTransaction(() -> trail.find(byActorAndAction))).extracting(AuditEvent::sequence)
                .containsExactly(6L);
        AuditQuery byTime = new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("issuance-4"),
                Optional.of(Instant.parse("2026-03-19T09:00:04Z")), Optional.of(Instant.parse("2026-03-19T09:00:05Z")), 10, 0);
        assertThat(transactions.inTransaction(() -> trail.find(byTime))).extracting(AuditEvent::sequence).containsExactly(4L);
        List<Long> exported = new ArrayList<>();
        transactions.run(() -> trail.forEach(all(1, 0), e -> exported.add(e.sequence())));
        assertThat(exported).hasSize(7);
    }

    @Test
    void aChangedEventIsNamed() throws SQLException {
        appendSome(5);
        tamper(database, "update audit_event set detail = 'nothing to see' where sequence = 3");
        ChainVerification.Result result = verify();
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSequence()).contains(3L);
        assertThat(result.problem().orElseThrow()).contains("changed");
    }

    @Test
    void aDeletedEventIsNamed() throws SQLException {
        appendSome(5);
        tamper(database, "delete from audit_event where sequence = 2");
        ChainVerification.Result result = verify();
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSequence()).contains(2L);
    }

    @Test
    void reorderedEventsAreNamed() throws SQLException {
        appendSome(5);
        tamper(database, "update audit_event set sequence = 100 where sequence = 2");
        tamper(database, "update audit_event set sequence = 2 where sequence = 3");
        tamper(database, "update audit_event set sequence = 3 where sequence = 100");
        ChainVerification.Result result = verify();
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSequence()).contains(2L);
    }

    @Test
    void removingTheNewestEventsIsNoticedToo() throws SQLException {
        appendSome(5);
        tamper(database, "delete from audit_event where sequence = 5");
        ChainVerification.Result result = verify();
        assertThat(result.valid()).isFalse();
        assertThat(result.firstBrokenSequence()).contains(5L);
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }
}
