package nl.bigregister.issuer.application.service;

import nl.bigregister.issuer.application.IssuancePolicy;
import nl.bigregister.issuer.application.port.in.CompleteRevocationsUseCase;
import nl.bigregister.issuer.application.port.in.RevokeIssuanceUseCase;
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
import nl.bigregister.issuer.domain.IssuanceId;
import nl.bigregister.issuer.domain.IssuanceStatus;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * Revokes issued credentials: the decision is committed first (pending, with a REVOKE item), then Credenco
 * is asked; while it is unavailable the revocation stays pending and is retried with backoff until it
 * succeeds. A revocation is never dropped.
 */
public final class RevocationService implements RevokeIssuanceUseCase, CompleteRevocationsUseCase {

    private static final Logger LOG = Logger.getLogger(RevocationService.class.getName());

    private final CredentialIssuer issuer;
    private final IssuanceRepository repository;
    private final IssuanceQueue queue;
    private final Transactions transactions;
    private final IssuanceEventPublisher publisher;
    private final IssuancePolicy policy;
    private final Clock clock;

    public RevocationService(CredentialIssuer issuer, IssuanceRepository repository, IssuanceQueue queue,
                             Transactions transactions, IssuanceEventPublisher publisher, IssuancePolicy policy,
                             Clock clock) {
        this.issuer = issuer;
        this.repository = repository;
        this.queue = queue;
        this.transactions = transactions;
        this.publisher = publisher;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public CredentialIssuance revoke(IssuanceId id, String reason) {
        CredentialIssuance decided = transactions.inTransaction(() -> {
            CredentialIssuance issuance = Issuances.load(repository, id);
            issuance.revoke(reason, clock.instant());
            repository.update(issuance);
            queue.schedule(id, WorkKind.REVOKE, clock.instant().plus(policy.workLease()));
            return issuance;
        });
        publisher.publish(decided.pullEvents());
        return askCredenco(id, 0);
    }

    @Override
    public int revokeDue(int max) {
        List<WorkItem> due = transactions.inTransaction(() ->
                queue.claimDue(WorkKind.REVOKE, clock.instant(), max, policy.workLease()));
        for (WorkItem item : due) {
            askCredenco(item.issuanceId(), item.tries());
        }
        return due.size();
    }

    private CredentialIssuance askCredenco(IssuanceId id, int failedBefore) {
        CredentialIssuance issuance = transactions.inTransaction(() -> Issuances.load(repository, id));
        if (issuance.status() != IssuanceStatus.ISSUED || issuance.revocation().isEmpty()) {
            transactions.run(() -> queue.complete(id, WorkKind.REVOKE));
            return issuance;
        }
        try {
            issuer.revoke(issuance.revocationId().orElseThrow());
        } catch (CredentialIssuerUnavailableException | CredentialIssuerRejectedException e) {
            // A rejection is retried too, more slowly: a credential we decided to revoke must not stay valid quietly.
            Duration wait = policy.retryDelay(failedBefore + 1, e instanceof CredentialIssuerUnavailableException u
                    ? u.retryAfter().orElse(Duration.ZERO) : policy.retryMaxDelay());
            LOG.warning(() -> "revocation of issuance " + id + " pending: " + e.getMessage());
            transactions.run(() -> queue.retryAt(id, WorkKind.REVOKE, clock.instant().plus(wait)));
            return issuance;
        }
        CredentialIssuance revoked = transactions.inTransaction(() -> {
            CredentialIssuance current = Issuances.load(repository, id);
            current.revocationConfirmed(clock.instant());
            repository.update(current);
            queue.completeAll(id);
            return current;
        });
        publisher.publish(revoked.pullEvents());
        return revoked;
    }
}
