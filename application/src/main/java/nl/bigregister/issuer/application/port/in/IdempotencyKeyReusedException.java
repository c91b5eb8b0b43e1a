package nl.bigregister.issuer.application.port.in;

/** An Idempotency-Key sent again with a different request body. */
public final class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("this Idempotency-Key was used before with a different request");
    }
}
