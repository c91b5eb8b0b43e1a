package nl.bigregister.issuer.distribution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.bigregister.issuer.adapters.credenco.CredencoSettings;
import nl.bigregister.issuer.adapters.persistence.DatabaseSettings;
import nl.bigregister.issuer.application.IssuancePolicy;
import org.eclipse.microprofile.config.Config;

import java.net.URI;
import java.time.Duration;

/**
 * The operator's configuration, read once from MicroProfile Config (environment variables override the
 * defaults in microprofile-config.properties). Values that may be absent are asked for as optional: an
 * empty property counts as absent in MicroProfile Config.
 */
@ApplicationScoped
public class IssuerSettings {

    private final DatabaseSettings database;
    private final CredencoSettings credenco;
    private final IssuancePolicy policy;
    private final String clients;
    private final Duration workTick;
    private final String encryptionKey;
    private final Duration claimsRetention;
    private final java.util.List<String> oldEncryptionKeys;
    private final double credencoRateLimit;
    private final int dispatchConcurrency;

    @Inject
    public IssuerSettings(Config config) {
        this.database = new DatabaseSettings(
                config.getValue("DB_URL", String.class),
                optional(config, "DB_USER"),
                optional(config, "DB_PASSWORD"),
                config.getValue("DB_POOL_SIZE", Integer.class));
        this.credenco = new CredencoSettings(
                URI.create(required(config, "CREDENCO_BASE_URL")),
                required(config, "CREDENCO_API_KEY"),
                config.getValue("CREDENCO_TEMPLATE_ID", String.class),
                config.getValue("CREDENCO_QR_SIZE", Integer.class),
                URI.create(config.getValue("ISSUER_PUBLIC_BASE_URL", String.class)),
                config.getValue("CREDENCO_CONNECT_TIMEOUT", Duration.class),
                config.getValue("CREDENCO_READ_TIMEOUT", Duration.class));
        this.policy = new IssuancePolicy(
                config.getValue("ISSUER_OFFER_TTL", Duration.class),
                config.getValue("ISSUER_STATUS_POLL_INTERVAL", Duration.class),
                config.getValue("ISSUER_STATUS_POLL_MAX_INTERVAL", Duration.class),
                config.getValue("ISSUER_RETRY_INITIAL_DELAY", Duration.class),
                config.getValue("ISSUER_RETRY_MAX_DELAY", Duration.class),
                config.getValue("ISSUER_REQUEST_MAX_AGE", Duration.class),
                config.getValue("ISSUER_WORK_LEASE", Duration.class),
                config.getValue("ISSUER_MAX_ATTEMPTS", Integer.class));
        this.workTick = config.getValue("ISSUER_WORK_TICK", Duration.class);
        this.credencoRateLimit = config.getValue("ISSUER_CREDENCO_RATE_LIMIT", Double.class);
        this.dispatchConcurrency = config.getValue("ISSUER_DISPATCH_CONCURRENCY", Integer.class);
        if (credencoRateLimit <= 0 || dispatchConcurrency < 1) {
            throw new IllegalArgumentException("ISSUER_CREDENCO_RATE_LIMIT and ISSUER_DISPATCH_CONCURRENCY must be positive");
        }
        this.clients = optional(config, "ISSUER_CLIENTS");
        this.encryptionKey = required(config, "ISSUER_ENCRYPTION_KEY");
        this.claimsRetention = config.getValue("ISSUER_CLAIMS_RETENTION", Duration.class);
        this.oldEncryptionKeys = java.util.Arrays.stream(optional(config, "ISSUER_ENCRYPTION_OLD_KEYS").split("[,;\\s]+"))
                .filter(k -> !k.isBlank()).toList();
    }

    protected IssuerSettings() {
        this.database = null;
        this.credenco = null;
        this.policy = null;
        this.clients = null;
        this.workTick = null;
        this.credencoRateLimit = 0;
        this.dispatchConcurrency = 0;
        this.encryptionKey = null;
        this.claimsRetention = null;
        this.oldEncryptionKeys = null; // for CDI's proxy only
    }

    private static String optional(Config config, String name) {
        return config.getOptionalValue(name, String.class).orElse("");
    }

    private static String required(Config config, String name) {
        return config.getOptionalValue(name, String.class)
                .orElseThrow(() -> new IllegalStateException(name + " is not set"));
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

    /** How often this instance looks for due work. */
    public Duration workTick() {
        return workTick;
    }

    /** Issue calls per second this instance makes to Credenco at most. */
    public double credencoRateLimit() {
        return credencoRateLimit;
    }

    /** How many submissions this instance's dispatcher has in flight at most. */
    public int dispatchConcurrency() {
        return dispatchConcurrency;
    }

    /** How long personal claims are kept after an issuance settled. */
    public Duration claimsRetention() {
        return claimsRetention;
    }

    /** The AES-256 key (base64) the personal claims are encrypted with. */
    public String encryptionKey() {
        return encryptionKey;
    }

    /** Earlier keys, still needed to read what was written before a rotation. */
    public java.util.List<String> oldEncryptionKeys() {
        return oldEncryptionKeys;
    }

    public String clients() {
        return clients;
    }
}
