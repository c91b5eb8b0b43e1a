package nl.bigregister.issuer.application.port.in;

/** Asks Credenco again to revoke the credentials whose revocation is pending. */
public interface CompleteRevocationsUseCase {

    /** @return how many were tried */
    int revokeDue(int max);
}
