package nl.bigregister.issuer.distribution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.bigregister.issuer.adapters.credenco.CredencoSettings;
import nl.bigregister.issuer.adapters.persistence.DatabaseSettings;
import nl.bigregister.issuer.application.IssuancePolicy;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The operator's configuration (MicroProfile Config: environment variables override the defaults). */
@ApplicationScoped
public class IssuerSettings {

    private final DatabaseSettings database;
    private final CredencoSettings credenco;
    private final IssuancePolicy policy;
    private final String clients;

    @Inject
    public IssuerSettings(@ConfigProperty(name = "DB_URL") String dbUrl,
                          @ConfigProperty(name = "DB_USER") Optional<String> dbUser,
                          @ConfigProperty(name = "DB_PASSWORD") Optional<String> dbPassword,
                          @ConfigProperty(name = "DB_POOL_SIZE") int dbPoolSize,
                          @ConfigProperty(name = "CREDENCO_BASE_URL") Optional<URI> credencoBaseUrl,
                          @ConfigProperty(name = "CREDENCO_API_KEY") Optional<String> credencoApiKey,
                          @ConfigProperty(name = "CREDENCO_TEMPLATE_ID") String templateId,
                          @ConfigProperty(name = "CREDENCO_QR_SIZE") int qrSize,
                          @ConfigProperty(name = "CREDENCO_CONNECT_TIMEOUT") Duration connectTimeout,
                          @ConfigProperty(name = "CREDENCO_READ_TIMEOUT") Duration readTimeout,
                          @ConfigProperty(name = "ISSUER_PUBLIC_BASE_URL") URI publicBaseUrl,
                          @ConfigProperty(name = "ISSUER_OFFER_TTL") Duration offerTtl,
                          @ConfigProperty(name = "ISSUER_CLIENTS") Optional<String> clients) {
        this.database = new DatabaseSettings(dbUrl, dbUser.orElse(""), dbPassword.orElse(""), dbPoolSize);
        this.credenco = new CredencoSettings(
                credencoBaseUrl.orElseThrow(() -> new IllegalStateException("CREDENCO_BASE_URL is not set")),
                credencoApiKey.orElseThrow(() -> new IllegalStateException("CREDENCO_API_KEY is not set")),
                templateId, qrSize, publicBaseUrl, connectTimeout, readTimeout);
        this.policy = new IssuancePolicy(offerTtl);
        this.clients = clients.orElse("");
    }

    protected IssuerSettings() {
        this.database = null;
        this.credenco = null;
        this.policy = null;
        this.clients = null; // for CDI's proxy only
    }

    public DatabaseSettings database() {
        return database;
    }

    public CredencoSettings credenco() {
        return credenco;
    }

    public IssuancePolicy policy() {
        return policy;
    }

    public String clients() {
        return clients;
    }
}
