package nl.bigregister.issuer.adapters.persistence.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.bigregister.issuer.adapters.persistence.AuditBenchmarkAccess;
import nl.bigregister.issuer.application.port.out.AuditQuery;
import nl.bigregister.issuer.domain.audit.AuditAction;
import nl.bigregister.issuer.domain.audit.AuditEntry;
import nl.bigregister.issuer.domain.audit.AuditEvent;
import nl.bigregister.issuer.domain.audit.ChainVerification;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * Audit trail benchmark on a real PostgreSQL (started here from Maven artifacts): fills EVENTS chained
 * events, then measures a full verify, subject queries, and the latency an append adds to a transaction
 * (side by side with the same transaction without it). Run by bench/audit.sh.
 */
public final class AuditTrailBenchmark {

    public static void main(String[] args) throws Exception {
        int events = Integer.parseInt(System.getProperty("events", "1000000"));
        int subjects = events / 20;
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            AuditBenchmarkAccess trail = AuditBenchmarkAccess.open(postgres.getJdbcUrl("postgres", "postgres"));
            long t0 = System.nanoTime();
            fill(postgres, events, subjects);
            System.out.printf("filled %,d events over %,d subjects in %.1f s%n", events, subjects, (System.nanoTime() - t0) / 1e9);
            try (Connection c = postgres.getPostgresDatabase().getConnection()) {
                c.createStatement().execute("analyze audit_event");
            }

            for (int run = 1; run <= 3; run++) {
                long v0 = System.nanoTime();
                ChainVerification.Result result = trail.verify();
                System.out.printf("verify run %d: valid=%s events=%,d in %.1f s%n", run, result.valid(), result.events(),
                        (System.nanoTime() - v0) / 1e9);
            }

            Random random = new Random(42);
            long[] query = new long[2000];
            for (int i = 0; i < query.length; i++) {
                String subject = subject(random.nextInt(subjects));
                AuditQuery q = new AuditQuery(Optional.of(subject), Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), 100, 0);
                long q0 = System.nanoTime();
                trail.find(q);
                query[i] = System.nanoTime() - q0;
            }
            report("subject query (page of up to 100)", query);

            long[] with = new long[3000];
            long[] without = new long[3000];
            AuditEntry entry = new AuditEntry(Instant.now(), AuditAction.ISSUANCE_READ, "success", "bench",
                    Optional.empty(), Optional.of("29065432101"), Optional.of(UUID.randomUUID().toString()),
                    Optional.empty(), Optional.of("127.0.0.1"), "bench");
            for (int i = 0; i < with.length; i++) {
                long a0 = System.nanoTime();
                trail.transactionWith(entry);
                with[i] = System.nanoTime() - a0;
                long b0 = System.nanoTime();
                trail.transactionWithout();
                without[i] = System.nanoTime() - b0;
            }
            report("transaction with an audit append", with);
            report("the same transaction without it", without);
            Arrays.sort(with);
            Arrays.sort(without);
            System.out.printf("append adds p50 %.3f ms%n", (with[with.length / 2] - without[without.length / 2]) / 1e6);
            trail.close();
        }
    }

    static String subject(int n) {
        return String.format("%011d", 30_000_000_000L + n);
    }

    /** Writes a valid chain straight into the table, in JDBC batches: the fast way to a million events. */
    static void fill(EmbeddedPostgres postgres, int events, int subjects) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.setAutoCommit(false);
            PreparedStatement insert = c.prepareStatement("insert into audit_event (sequence, id, occurred_at, action, "
                    + "outcome, actor, on_behalf_of, subject, issuance_id, correlation_id, source_address, detail, "
                    + "previous_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            String previous = AuditEvent.GENESIS;
            Instant start = Instant.parse("2026-01-01T00:00:00Z");
            AuditAction[] actions = AuditAction.values();
            for (int i = 1; i <= events; i++) {
                AuditEntry entry = new AuditEntry(start.plusMillis(i * 10L), actions[i % actions.length], "success",
                        "client-" + (i % 7), Optional.empty(), Optional.of(subject(i % subjects)),
                        Optional.of(UUID.nameUUIDFromBytes(("i" + i / 5).getBytes()).toString()), Optional.empty(),
                        Optional.of("10.0.0." + i % 200), "event " + i);
                AuditEvent event = AuditEvent.chain(UUID.randomUUID(), i, entry, previous);
                insert.setLong(1, i);
                insert.setObject(2, event.id());
                insert.setTimestamp(3, Timestamp.from(entry.occurredAt()));
                insert.setString(4, entry.action().name());
                insert.setString(5, entry.outcome());
                insert.setString(6, entry.actor());
                insert.setString(7, null);
                insert.setString(8, entry.subject().orElse(null));
                insert.setString(9, entry.issuanceId().orElse(null));
                insert.setString(10, null);
                insert.setString(11, entry.sourceAddress().orElse(null));
                insert.setString(12, entry.detail());
                insert.setString(13, event.previousHash());
                insert.setString(14, event.hash());
                insert.addBatch();
                previous = event.hash();
                if (i % 5000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            PreparedStatement head = c.prepareStatement("update audit_head set last_sequence = ?, last_hash = ? where id = 1");
            head.setLong(1, events);
            head.setString(2, previous);
            head.executeUpdate();
            c.commit();
        }
    }

    static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%s: n=%d p50=%.3f ms p99=%.3f ms%n", what, sorted.length, sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6);
    }
}
