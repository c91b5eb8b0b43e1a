package nl.bigregister.issuer.application.service;

import nl.bigregister.issuer.application.IssuancePolicy;
import nl.bigregister.issuer.application.port.in.TrackOfferStatusUseCase;
import nl.bigregister.issuer.application.port.out.CredentialIssuer;
import nl.bigregister.issuer.application.port.out.CredentialIssuerRejectedException;
import nl.bigregister.issuer.application.port.out.CredentialIssuerUnavailableException;
import nl.bigregister.issuer.application.port.out.IssuanceEventPublisher;
import nl.bigregister.issuer.application.port.out.IssuanceQueue;
import nl.bigregister.issuer.application.port.out.IssuanceRepository;
import nl.bigregister.issuer.application.port.out.Transactions;
import nl.bigregister.issuer.application.port.out.WorkItem;
import nl.bigregister.issuer.application.port.out.WorkKind;
import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.IssuanceStatus;
import nl.bigregister.issuer.domain.StatusReport;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * Fetches the authoritative status of offers whose check is due and applies it. Checks of an open offer
 * back off from the poll interval; a callback makes one due at once. A lost callback therefore delays a
 * status change but never loses it.
 */
public final class TrackOfferStatusService implements TrackOfferStatusUseCase {

    private static final Logger LOG = Logger.getLogger(TrackOfferStatusService.class.getName());

    private final CredentialIssuer issuer;
    private final IssuanceRepository repository;
    private final IssuanceQueue queue;
    private final Transactions transactions;
    private final IssuanceEventPublisher publisher;
    private final IssuancePolicy policy;
    private final Clock clock;

    public TrackOfferStatusService(CredentialIssuer issuer, IssuanceRepository repository, IssuanceQueue queue,
                                   Transactions transactions, IssuanceEventPublisher publisher,
                                   IssuancePolicy policy, Clock clock) {
        this.issuer = issuer;
        this.repository = repository;
        this.queue = queue;
        this.transactions = transactions;
        this.publisher = publisher;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public int checkDue(int max) {
        List<WorkItem> due = transactions.inTransaction(() ->
                queue.claimDue(WorkKind.CHECK_STATUS, clock.instant(), max, policy.workLease()));
        for (WorkItem item : due) {
            check(item);
        }
        return due.size();
    }

    /** The wait before the next check: the n-th check waits pollDelay(n), and tries counts checks before this one. */
    private Duration nextWait(WorkItem item) {
        return policy.pollDelay(item.tries() + 2);
    }

    private void check(WorkItem item) {
        CredentialIssuance issuance = transactions.inTransaction(() -> Issuances.load(repository, item.issuanceId()));
        if (!isWorthAsking(issuance)) {
            transactions.run(() -> queue.complete(issuance.id(), WorkKind.CHECK_STATUS));
            return;
        }
        StatusReport report;
        try {
            report = issuer.fetchStatus(issuance.currentAttempt().correlationId(), issuance.offer().orElseThrow().statusUri());
        } catch (CredentialIssuerUnavailableException e) {
            Duration wait = e.retryAfter().filter(d -> d.compareTo(nextWait(item)) > 0).orElse(nextWait(item));
            transactions.run(() -> queue.retryAt(issuance.id(), WorkKind.CHECK_STATUS, clock.instant().plus(wait)));
            return;
        } catch (CredentialIssuerRejectedException e) {
            LOG.warning(() -> "status of issuance " + issuance.id() + " unusable: " + e.getMessage());
            transactions.run(() -> queue.retryAt(issuance.id(), WorkKind.CHECK_STATUS,
                    clock.instant().plus(nextWait(item))));
            return;
        }
        CredentialIssuance applied = transactions.inTransaction(() -> {
            CredentialIssuance current = Issuances.load(repository, issuance.id());
            if (current.apply(report, clock.instant())) {
                repository.update(current);
            }
            if (current.status() == IssuanceStatus.OFFERED || current.status() == IssuanceStatus.OFFER_RETRIEVED) {
                queue.retryAt(current.id(), WorkKind.CHECK_STATUS, clock.instant().plus(nextWait(item)));
            } else {
                queue.complete(current.id(), WorkKind.CHECK_STATUS);
            }
            return current;
        });
        publisher.publish(applied.pullEvents());
    }

    /** Open offers, and expired ones (a wallet may still have accepted just after our deadline). */
    private static boolean isWorthAsking(CredentialIssuance issuance) {
        return issuance.offer().isPresent() && (issuance.status() == IssuanceStatus.OFFERED
                || issuance.status() == IssuanceStatus.OFFER_RETRIEVED || issuance.status() == IssuanceStatus.EXPIRED);
    }
}
