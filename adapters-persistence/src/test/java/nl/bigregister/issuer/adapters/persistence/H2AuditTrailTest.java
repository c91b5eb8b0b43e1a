package nl.bigregister.issuer.adapters.persistence;

import java.sql.SQLException;

/** The audit trail on H2: the chain is the protection. */
class H2AuditTrailTest extends AuditTrailContract {

    @Override
    protected Database newDatabase() {
        return TestDatabases.h2();
    }

    @Override
    protected void tamper(Database database, String sql) throws SQLException {
        try (var c = database.dataSource().getConnection()) {
            execute(c, sql);
            c.commit();
        }
    }
}
