package nl.bigregister.issuer.adapters.persistence;

import nl.bigregister.issuer.application.BatchStorageContract;
import nl.bigregister.issuer.application.IssuanceQueueContract;
import nl.bigregister.issuer.application.IssuanceRepositoryContract;
import nl.bigregister.issuer.application.port.out.BatchRepository;
import nl.bigregister.issuer.application.port.out.IssuanceQueue;
import nl.bigregister.issuer.application.port.out.IssuanceRepository;
import nl.bigregister.issuer.application.port.out.Transactions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/**
 * The application's port contracts run on the JPA adapters of one database; a subclass names which.
 * The same tests run on the in-memory fakes in the application module.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JpaContracts {

    private Database database;
    private JpaTransactions transactions;

    protected abstract Database openDatabase();

    @BeforeAll
    void open() {
        database = openDatabase();
        transactions = new JpaTransactions(database);
    }

    @AfterAll
    void close() {
        database.close();
    }

    IssuanceRepository issuances() {
        return new JpaIssuanceRepository(transactions, TestDatabases.CIPHER);
    }

    @Nested
    class Repository extends IssuanceRepositoryContract {
        @Override
        protected IssuanceRepository repository() {
            return issuances();
        }

        @Override
        protected Transactions transactions() {
            return transactions;
        }
    }

    @Nested
    class Queue extends IssuanceQueueContract {
        @Override
        protected IssuanceQueue queue() {
            return new JpaIssuanceQueue(transactions);
        }

        @Override
        protected IssuanceRepository repository() {
            return issuances();
        }

        @Override
        protected Transactions transactions() {
            return transactions;
        }
    }

    @Nested
    class Batches extends BatchStorageContract {
        @Override
        protected IssuanceRepository issuances() {
            return JpaContracts.this.issuances();
        }

        @Override
        protected BatchRepository batches() {
            return new JpaBatchRepository(transactions);
        }

        @Override
        protected IssuanceQueue queue() {
            return new JpaIssuanceQueue(transactions);
        }

        @Override
        protected Transactions transactions() {
            return transactions;
        }
    }
}
