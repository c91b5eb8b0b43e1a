package nl.bigregister.issuer.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;
import org.flywaydb.core.Flyway;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.hibernate.jpa.HibernatePersistenceProvider;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * The database as this application uses it: a connection pool, the schema migrated by Flyway, and a
 * Hibernate EntityManagerFactory built on top. Hibernate is bootstrapped here rather than by the server
 * so that the same adapter runs in the server and in plain tests, and Flyway owns the schema.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    private final HikariDataSource dataSource;
    private final EntityManagerFactory entityManagerFactory;

    private Database(HikariDataSource dataSource, EntityManagerFactory entityManagerFactory) {
        this.dataSource = dataSource;
        this.entityManagerFactory = entityManagerFactory;
    }

    /** Connects, migrates the schema to the newest version and starts Hibernate; fails loudly otherwise. */
    public static Database open(DatabaseSettings settings) {
        HikariDataSource dataSource = new HikariDataSource(poolConfig(settings));
        try {
            var result = Flyway.configure(Database.class.getClassLoader())
                    .dataSource(dataSource)
                    // Common migrations, and those only one database has (PostgreSQL's append-only trigger).
                    .locations("classpath:db/migration", settings.isPostgres() ? "classpath:db/postgresql" : "classpath:db/h2")
                    .load()
                    .migrate();
            LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " (" + settings + ")");
            return new Database(dataSource, entityManagerFactory(dataSource));
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    private static HikariConfig poolConfig(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setPoolName("big-issuer");
        config.setAutoCommit(false);
        config.setDriverClassName(settings.isPostgres() ? "org.postgresql.Driver" : "org.h2.Driver");
        if (settings.isPostgres()) {
            // A JDBC batch of inserts goes out as multi-row inserts: a large batch enqueues several times faster.
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        return config;
    }

    private static EntityManagerFactory entityManagerFactory(HikariDataSource dataSource) {
        HibernatePersistenceConfiguration configuration = new HibernatePersistenceConfiguration("big-issuer")
                .managedClass(IssuanceEntity.class)
                .managedClass(AttemptEntity.class)
                .property("hibernate.connection.datasource", dataSource)
                .property("hibernate.hbm2ddl.auto", "none")
                .property("hibernate.connection.provider_disables_autocommit", "true")
                // Payara's runtime enhancer breaks Hibernate 7; nothing here needs enhancement.
                .property("hibernate.enhancer.enableDirtyTracking", "false")
                .property("hibernate.enhancer.enableLazyInitialization", "false")
                .property("hibernate.jdbc.time_zone", "UTC")
                // Batches write tens of thousands of rows: send them in JDBC batches.
                .property("hibernate.jdbc.batch_size", "200")
                .property("hibernate.order_inserts", "true")
                .property("hibernate.order_updates", "true");
        // Asked of Hibernate directly: the server's provider lookup would hand the unit to its default provider.
        return new HibernatePersistenceProvider().createEntityManagerFactory(configuration);
    }

    EntityManagerFactory entityManagerFactory() {
        return entityManagerFactory;
    }

    /** The connection pool, for tests that must reach the database around the application. */
    javax.sql.DataSource dataSource() {
        return dataSource;
    }

    /** Whether the database answers now; for the readiness check. */
    public boolean isReachable() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        entityManagerFactory.close();
        dataSource.close();
    }
}
