package nl.bigregister.issuer.application.port.in;

/** Expires open offers that nobody completed before their deadline. */
public interface ExpireOffersUseCase {

    /** @return how many expired */
    int expireDue(int max);
}
