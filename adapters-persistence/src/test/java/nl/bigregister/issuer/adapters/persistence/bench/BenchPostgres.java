package nl.bigregister.issuer.adapters.persistence.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.util.concurrent.CountDownLatch;

/**
 * A real PostgreSQL for the benchmark scripts, started by the harness itself on the port given as the
 * first argument and stopped, its files removed, when this process is terminated. Durability is switched
 * back on (the embedded default turns fsync and synchronous commit off), so that the figures are those of
 * a server that keeps what it commits.
 */
public final class BenchPostgres {

    private BenchPostgres() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(Integer.parseInt(args[0]))
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (java.io.IOException ignored) {
                // the process is going away
            }
        }));
        try (var c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement();
             var fsync = s.executeQuery("show fsync")) {
            fsync.next();
            System.out.println("postgres ready at " + postgres.getJdbcUrl("postgres", "postgres")
                    + " (fsync " + fsync.getString(1) + ") pid " + ProcessHandle.current().pid());
        }
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
