package nl.bigregister.issuer.application.port.in;

/** A status callback whose token belongs to no attempt: forged, or for another deployment. */
public final class UnknownCallbackException extends RuntimeException {

    public UnknownCallbackException() {
        super("no attempt has this callback token");
    }
}
