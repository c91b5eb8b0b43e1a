package nl.bigregister.issuer.application.port.out;

import nl.bigregister.issuer.domain.Failure;

/** The credential issuer refused the request for good, or answered something we cannot use. */
public final class CredentialIssuerRejectedException extends RuntimeException {

    private final transient Failure failure;

    public CredentialIssuerRejectedException(Failure failure) {
        super(failure.code() + ": " + failure.message());
        this.failure = failure;
    }

    public Failure failure() {
        return failure;
    }
}
