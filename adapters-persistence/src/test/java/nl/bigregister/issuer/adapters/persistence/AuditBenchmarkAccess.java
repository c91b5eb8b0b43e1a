package nl.bigregister.issuer.adapters.persistence;

import nl.bigregister.issuer.application.port.out.AuditQuery;
import nl.bigregister.issuer.domain.audit.AuditEntry;
import nl.bigregister.issuer.domain.audit.AuditEvent;
import nl.bigregister.issuer.domain.audit.ChainVerification;

import java.util.List;

/** The audit trail adapter as the benchmark drives it: each call in its own transaction, as the use cases do. */
public final class AuditBenchmarkAccess implements AutoCloseable {

    private final Database database;
    private final JpaTransactions transactions;
    private final JpaAuditTrail trail;
    private final JpaIssuanceRepository issuances;

    private AuditBenchmarkAccess(Database database) {
        this.database = database;
        this.transactions = new JpaTransactions(database);
        this.trail = new JpaAuditTrail(transactions);
        this.issuances = new JpaIssuanceRepository(transactions, TestDatabases.CIPHER);
    }

    public static AuditBenchmarkAccess open(String jdbcUrl) {
        return new AuditBenchmarkAccess(Database.open(new DatabaseSettings(jdbcUrl, "postgres", "postgres", 4)));
    }

    public ChainVerification.Result verify() {
        return transactions.inTransaction(trail::verify);
    }

    public List<AuditEvent> find(AuditQuery query) {
        return transactions.inTransaction(() -> trail.find(query));
    }

    /** A read of an issuance, as a request makes it, with its audit append. */
    public void transactionWith(AuditEntry entry) {
        transactions.run(() -> {
            issuances.find(nl.bigregister.issuer.domain.IssuanceId.generate());
            trail.append(entry);
        });
    }

    /** The same read without the append: the baseline. */
    public void transactionWithout() {
        transactions.run(() -> issuances.find(nl.bigregister.issuer.domain.IssuanceId.generate()));
    }

    @Override
    public void close() {
        database.close();
    }
}
