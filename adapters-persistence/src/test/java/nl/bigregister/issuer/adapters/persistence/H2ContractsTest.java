package nl.bigregister.issuer.adapters.persistence;

/** The port contracts on H2, the embedded default's database. */
class H2ContractsTest extends JpaContracts {

    @Override
    protected Database openDatabase() {
        return TestDatabases.h2();
    }
}
