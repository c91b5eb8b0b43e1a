package nl.bigregister.issuer.application.service;

import nl.bigregister.issuer.application.port.in.RenewIssuanceUseCase;
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

/** Renews an expired or failed issuance: a new attempt, committed with a leased SUBMIT item, then submitted. */
public final class RenewIssuanceService implements RenewIssuanceUseCase {

    private final IssuanceRepository repository;
    private final IssuanceQueue queue;
    private final Transactions transactions;
    private final IssuanceEventPublisher publisher;
    private final OfferSubmitter submitter;
    private final Clock clock;

    public RenewIssuanceService(IssuanceRepository repository, IssuanceQueue queue, Transactions transactions,
                                IssuanceEventPublisher publisher, OfferSubmitter submitter, Clock clock) {
        this.repository = repository;
        this.queue = queue;
        this.transactions = transactions;
        this.publisher = publisher;
        this.submitter = submitter;
        this.clock = clock;
    }

    @Override
    public CredentialIssuance renew(IssuanceId id) {
        CallbackToken token = CallbackToken.generate();
        CredentialIssuance renewed = transactions.inTransaction(() -> {
            CredentialIssuance issuance = Issuances.load(repository, id);
            issuance.renew(CorrelationId.generate(), token, clock.instant());
            repository.update(issuance);
            queue.completeAll(id);
            queue.schedule(id, WorkKind.SUBMIT, submitter.leaseEnd());
            return issuance;
        });
        publisher.publish(renewed.pullEvents());
        return submitter.submit(renewed, token, 0);
    }
}
