package nl.bigregister.issuer.application.port.out;

/** An issuance was changed by someone else between loading and storing it; reload and try again. */
public final class ConcurrentUpdateException extends RuntimeException {

    public ConcurrentUpdateException(String message, Throwable cause) {
        super(message, cause);
    }
}
