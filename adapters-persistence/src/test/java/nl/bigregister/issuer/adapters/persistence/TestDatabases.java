package nl.bigregister.issuer.adapters.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

/** The databases the persistence tests run on: a fresh H2 in memory, and one real PostgreSQL per test run. */
final class TestDatabases {

    private static EmbeddedPostgres postgres;

    /** A claims cipher with a fixed test key. */
    static final ClaimsCipher CIPHER = new ClaimsCipher(java.util.Base64.getEncoder().encodeToString(new byte[32]),
            java.util.List.of());

    private TestDatabases() {
    }

    static Database h2() {
        return Database.open(new DatabaseSettings("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4));
    }

    /** A new, empty database on the shared PostgreSQL server, for tests that must start from nothing. */
    static Database freshPostgres() {
        postgres().close();
        String name = "t" + UUID.randomUUID().toString().replace("-", "");
        try (var c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("create database " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return Database.open(new DatabaseSettings(postgres.getJdbcUrl("postgres", name), "postgres", "postgres", 4));
    }

    /** A new pool on the shared PostgreSQL server, as a second instance of the application would have. */
    static synchronized Database postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return Database.open(new DatabaseSettings(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", 4));
    }
}
