package nl.bigregister.issuer.application.service;

import nl.bigregister.issuer.application.port.in.ExpireOffersUseCase;
import nl.bigregister.issuer.application.port.out.IssuanceEventPublisher;
import nl.bigregister.issuer.application.port.out.IssuanceQueue;
import nl.bigregister.issuer.application.port.out.IssuanceRepository;
import nl.bigregister.issuer.application.port.out.Transactions;
import nl.bigregister.issuer.application.port.out.WorkKind;
import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.IssuanceEvent;
import nl.bigregister.issuer.domain.IssuanceId;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Expires open offers past their deadline, in one transaction per sweep. */
public final class ExpireOffersService implements ExpireOffersUseCase {

    private final IssuanceRepository repository;
    private final IssuanceQueue queue;
    private final Transactions transactions;
    private final IssuanceEventPublisher publisher;
    private final Clock clock;

    public ExpireOffersService(IssuanceRepository repository, IssuanceQueue queue, Transactions transactions,
                               IssuanceEventPublisher publisher, Clock clock) {
        this.repository = repository;
        this.queue = queue;
        this.transactions = transactions;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Override
    public int expireDue(int max) {
        List<IssuanceEvent> events = transactions.inTransaction(() -> {
            Instant now = clock.instant();
            List<IssuanceEvent> raised = new ArrayList<>();
            for (IssuanceId id : repository.findExpiredOffers(now, max)) {
                CredentialIssuance issuance = Issuances.load(repository, id);
                issuance.expire(now);
                repository.update(issuance);
                queue.complete(id, WorkKind.CHECK_STATUS);
                raised.addAll(issuance.pullEvents());
            }
            return raised;
        });
        publisher.publish(events);
        return events.size();
    }
}
