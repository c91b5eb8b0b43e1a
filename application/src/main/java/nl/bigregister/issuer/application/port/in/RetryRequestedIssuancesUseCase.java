package nl.bigregister.issuer.application.port.in;

/** Submits again, each under a new attempt, the requested issuances whose retry is due. */
public interface RetryRequestedIssuancesUseCase {

    /** @return how many were submitted or given up */
    int retryDue(int max);
}
