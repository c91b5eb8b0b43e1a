package nl.bigregister.issuer.application.port.in;

/** Deletes the personal claims of issuances settled longer ago than the retention period. */
public interface PurgeClaimsUseCase {

    /** @return how many issuances lost their claims */
    int purgeDue(int max);
}
