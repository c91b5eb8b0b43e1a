package nl.bigregister.issuer.application.port.out;

import java.time.Duration;
import java.util.Optional;

/** The credential issuer could not answer now (outage, timeout, overload); the same request may succeed later. */
public final class CredentialIssuerUnavailableException extends RuntimeException {

    private final transient Optional<Duration> retryAfter;

    public CredentialIssuerUnavailableException(String message, Optional<Duration> retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public CredentialIssuerUnavailableException(String message) {
        this(message, Optional.empty(), null);
    }

    /** How long the issuer asked us to wait, when it said so. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }
}
