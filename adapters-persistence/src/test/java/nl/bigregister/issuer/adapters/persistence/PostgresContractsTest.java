package nl.bigregister.issuer.adapters.persistence;

/** The port contracts on a real PostgreSQL server, started by the tests from Maven artifacts. */
class PostgresContractsTest extends JpaContracts {

    @Override
    protected Database openDatabase() {
        return TestDatabases.postgres();
    }
}
