package nl.bigregister.issuer.application.service;

import nl.bigregister.issuer.application.port.in.StartIssuanceCommand;
import nl.bigregister.issuer.application.port.in.StartIssuanceUseCase;
import nl.bigregister.issuer.application.port.out.IssuanceEventPublisher;
import nl.bigregister.issuer.application.port.out.IssuanceQueue;
import nl.bigregister.issuer.application.port.out.IssuanceRepository;
import nl.bigregister.issuer.application.port.out.Transactions;
import nl.bigregister.issuer.application.port.out.WorkKind;
import nl.bigregister.issuer.domain.CallbackToken;
import nl.bigregister.issuer.domain.CorrelationId;
import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.IssuanceId;

import java.time.Clock;

/** Starts an issuance: stores it with its first attempt and a leased SUBMIT item, then asks Credenco. */
public final class StartIssuanceService implements StartIssuanceUseCase {

    private final IssuanceRepository repository;
    private final IssuanceQueue queue;
    private final Transactions transactions;
    private final IssuanceEventPublisher publisher;
    private final OfferSubmitter submitter;
    private final Clock clock;

    public StartIssuanceService(IssuanceRepository repository, IssuanceQueue queue, Transactions transactions,
                                IssuanceEventPublisher publisher, OfferSubmitter submitter, Clock clock) {
        this.repository = repository;
        this.queue = queue;
        this.transactions = transactions;
        this.publisher = publisher;
        this.submitter = submitter;
        this.clock = clock;
    }

    @Override
    public CredentialIssuance start(StartIssuanceCommand command) {
        CallbackToken callbackToken = CallbackToken.generate();
        CredentialIssuance issuance = CredentialIssuance.start(IssuanceId.generate(), command.claims(),
                command.clientId(), CorrelationId.generate(), callbackToken, clock.instant());
        // Committed before Credenco is called: whatever happens next, the request is not lost. The SUBMIT
        // item is leased to this call; if the process dies during it, the retry takes over.
        transactions.run(() -> {
            repository.add(issuance);
            queue.schedule(issuance.id(), WorkKind.SUBMIT, submitter.leaseEnd());
        });
        publisher.publish(issuance.pullEvents());
        return submitter.submit(issuance, callbackToken, 0);
    }
}
