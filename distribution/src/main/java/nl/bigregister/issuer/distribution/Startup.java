package nl.bigregister.issuer.distribution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import nl.bigregister.issuer.adapters.persistence.Database;
import nl.bigregister.issuer.adapters.web.security.ApiClients;

import java.util.logging.Logger;

/**
 * Opens the database (migrating it) and checks the clients while the application deploys, so a broken
 * configuration fails the deployment instead of the first request, and readiness means what it says;
 * then starts this instance's workers.
 */
@ApplicationScoped
public class Startup {

    private static final Logger LOG = Logger.getLogger(Startup.class.getName());

    private volatile boolean started;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event, Database database, ApiClients clients,
                 Workers workers) {
        if (clients.isEmpty()) {
            throw new IllegalStateException("ISSUER_CLIENTS configures no client; refusing to start");
        }
        started = database.isReachable();
        workers.start();
        LOG.info("BIG Credential Issuer started with " + clients.size() + " API client(s)");
    }

    public boolean isStarted() {
        return started;
    }
}
