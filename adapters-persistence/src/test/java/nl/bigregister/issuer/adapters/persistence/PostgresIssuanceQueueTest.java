package nl.bigregister.issuer.adapters.persistence;

import nl.bigregister.issuer.application.IssuanceQueueContract;
import nl.bigregister.issuer.application.port.out.IssuanceQueue;
import nl.bigregister.issuer.application.port.out.IssuanceRepository;
import nl.bigregister.issuer.application.port.out.Transactions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The queue contract on a real PostgreSQL server. */
class PostgresIssuanceQueueTest extends IssuanceQueueContract {

    private static Database database;
    private static JpaTransactions transactions;

    @BeforeAll
    static void open() {
        database = TestDatabases.postgres();
        transactions = new JpaTransactions(database);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Override
    protected IssuanceQueue queue() {
        return new JpaIssuanceQueue(transactions);
    }

    @Override
    protected IssuanceRepository repository() {
        return new JpaIssuanceRepository(transactions, TestDatabases.CIPHER);
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }
}
