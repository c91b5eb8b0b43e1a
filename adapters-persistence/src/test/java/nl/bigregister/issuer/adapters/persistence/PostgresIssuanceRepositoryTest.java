package nl.bigregister.issuer.adapters.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.bigregister.issuer.application.IssuanceRepositoryContract;
import nl.bigregister.issuer.application.port.out.IssuanceRepository;
import nl.bigregister.issuer.application.port.out.Transactions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;

/** The repository contract on a real PostgreSQL server, started by the test from Maven artifacts. */
class PostgresIssuanceRepositoryTest extends IssuanceRepositoryContract {

    private static EmbeddedPostgres postgres;
    private static Database database;
    private static JpaTransactions transactions;

    @BeforeAll
    static void open() throws IOException {
        postgres = EmbeddedPostgres.start();
        database = Database.open(new DatabaseSettings(postgres.getJdbcUrl("postgres", "postgres"),
                "postgres", "postgres", 4));
        transactions = new JpaTransactions(database);
    }

    @AfterAll
    static void close() throws IOException {
        database.close();
        postgres.close();
    }

    @Override
    protected IssuanceRepository repository() {
        return new JpaIssuanceRepository(transactions);
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }
}
