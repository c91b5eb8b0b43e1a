package nl.bigregister.issuer.application.service;

import nl.bigregister.issuer.application.port.in.RecordStatusCallbackUseCase;
import nl.bigregister.issuer.application.port.in.UnknownCallbackException;
import nl.bigregister.issuer.application.port.out.IssuanceQueue;
import nl.bigregister.issuer.application.port.out.IssuanceRepository;
import nl.bigregister.issuer.application.port.out.Transactions;
import nl.bigregister.issuer.application.port.out.WorkKind;
import nl.bigregister.issuer.domain.CallbackToken;
import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.IssuanceStatus;

import java.time.Clock;

/**
 * Takes Credenco's callback as a hint: makes a status check of the attempt due now, in the database,
 * so the check happens even if this process dies right after answering.
 */
public final class RecordStatusCallbackService implements RecordStatusCallbackUseCase {

    private final IssuanceRepository repository;
    private final IssuanceQueue queue;
    private final Transactions transactions;
    private final Runnable wakeWorkers;
    private final Clock clock;

    public RecordStatusCallbackService(IssuanceRepository repository, IssuanceQueue queue, Transactions transactions,
                                       Runnable wakeWorkers, Clock clock) {
        this.repository = repository;
        this.queue = queue;
        this.transactions = transactions;
        this.wakeWorkers = wakeWorkers;
        this.clock = clock;
    }

    @Override
    public void callbackReceived(CallbackToken token) {
        boolean scheduled = transactions.inTransaction(() -> {
            CredentialIssuance issuance = repository.findByCallbackTokenHash(token.hash())
                    .orElseThrow(UnknownCallbackException::new);
            boolean current = issuance.currentAttempt().callbackTokenHash().equals(token.hash());
            if (current && issuance.offer().isPresent() && issuance.status() != IssuanceStatus.CANCELLED) {
                queue.schedule(issuance.id(), WorkKind.CHECK_STATUS, clock.instant());
                return true;
            }
            // An earlier attempt's report, or one about a withdrawn offer: nothing to learn.
            return false;
        });
        if (scheduled) {
            wakeWorkers.run();
        }
    }
}
