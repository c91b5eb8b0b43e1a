package nl.bigregister.issuer.application.port.in;

import nl.bigregister.issuer.domain.CallbackToken;

/**
 * Credenco says something changed for the attempt holding this callback token. It is a hint, not the
 * truth: a status check is made due (durably) and the status is fetched from Credenco.
 */
public interface RecordStatusCallbackUseCase {

    /** @throws UnknownCallbackException when no attempt has this token */
    void callbackReceived(CallbackToken token);
}
