package nl.bigregister.issuer.adapters.persistence;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit trail on PostgreSQL, where the table also refuses UPDATE and DELETE; the tampering below has
 * to switch the triggers off first, as only a database owner could — and the chain still names it.
 */
class PostgresAuditTrailTest extends AuditTrailContract {

    @Override
    protected Database newDatabase() {
        return TestDatabases.freshPostgres();
    }

    @Override
    protected void tamper(Database database, String sql) throws SQLException {
        try (var c = database.dataSource().getConnection()) {
            execute(c, "alter table audit_event disable trigger user");
            execute(c, sql);
            execute(c, "alter table audit_event enable trigger user");
            c.commit();
        }
    }

    @Test
    void theTableRefusesUpdateAndDelete() throws SQLException {
        appendSome(2);
        try (var c = database.dataSource().getConnection()) {
            assertThatThrownBy(() -> execute(c, "update audit_event set detail = 'x' where sequence = 1"))
                    .hasMessageContaining("append-only");
            c.rollback();
            assertThatThrownBy(() -> execute(c, "delete from audit_event where sequence = 1"))
                    .hasMessageContaining("append-only");
            c.rollback();
        }
    }
}
