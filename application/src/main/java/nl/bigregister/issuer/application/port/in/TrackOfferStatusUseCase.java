package nl.bigregister.issuer.application.port.in;

/** Asks Credenco for the status of offers whose check is due (polled, or prompted by a callback) and applies it. */
public interface TrackOfferStatusUseCase {

    /** @return how many were checked */
    int checkDue(int max);
}
