package nl.bigregister.issuer.distribution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.bigregister.issuer.adapters.persistence.Database;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** Ready when the application started, its schema is migrated, and the database answers now. */
@org.eclipse.microprofile.health.Readiness
@ApplicationScoped
public class Readiness implements HealthCheck {

    private final Startup startup;
    private final Database database;

    @Inject
    public Readiness(Startup startup, Database database) {
        this.startup = startup;
        this.database = database;
    }

    protected Readiness() {
        this.startup = null;
        this.database = null; // for CDI's proxy only
    }

    @Override
    public HealthCheckResponse call() {
        boolean up = startup.isStarted() && database.isReachable();
        return HealthCheckResponse.named("database").status(up).build();
    }
}
