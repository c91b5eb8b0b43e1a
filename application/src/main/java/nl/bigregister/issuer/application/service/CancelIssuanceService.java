package nl.bigregister.issuer.application.service;

import nl.bigregister.issuer.application.port.in.CancelIssuanceUseCase;
import nl.bigregister.issuer.application.port.out.IssuanceEventPublisher;
import nl.bigregister.issuer.application.port.out.IssuanceQueue;
import nl.bigregister.issuer.application.port.out.IssuanceRepository;
import nl.bigregister.issuer.application.port.out.Transactions;
import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.IssuanceId;

import java.time.Clock;

/** Withdraws an open offer and forgets its pending work. */
public final class CancelIssuanceService implements CancelIssuanceUseCase {

    private final IssuanceRepository repository;
    private final IssuanceQueue queue;
    private final Transactions transactions;
    private final IssuanceEventPublisher publisher;
    private final Clock clock;

    public CancelIssuanceService(IssuanceRepository repository, IssuanceQueue queue, Transactions transactions,
                                 IssuanceEventPublisher publisher, Clock clock) {
        this.repository = repository;
        this.queue = queue;
        this.transactions = transactions;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public CredentialIssuance cancel(IssuanceId id) {
        CredentialIssuance cancelled = transactions.inTransaction(() -> {
            CredentialIssuance issuance = Issuances.load(repository, id);
            issuance.cancel(clock.instant());
            repository.update(issuance);
            queue.completeAll(id);
            return issuance;
        });
        publisher.publish(cancelled.pullEvents());
        return cancelled;
    }
}
