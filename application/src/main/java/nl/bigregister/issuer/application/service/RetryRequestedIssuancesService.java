package nl.bigregister.issuer.application.service;

import nl.bigregister.issuer.application.IssuancePolicy;
import nl.bigregister.issuer.application.port.in.RetryRequestedIssuancesUseCase;
import nl.bigregister.issuer.application.port.out.IssuanceEventPublisher;
import nl.bigregister.issuer.application.port.out.IssuanceQueue;
import nl.bigregister.issuer.application.port.out.IssuanceRepository;
import nl.bigregister.issuer.application.port.out.Lane;
import nl.bigregister.issuer.application.port.out.Transactions;
import nl.bigregister.issuer.application.port.out.WorkItem;
import nl.bigregister.issuer.application.port.out.WorkKind;
import nl.bigregister.issuer.domain.CallbackToken;
import nl.bigregister.issuer.domain.CorrelationId;
import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.Failure;
import nl.bigregister.issuer.domain.IssuanceStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Dispatches requested issuances to Credenco: batch items, and requests Credenco could not take earlier
 * (those first). Each due one gets a new attempt (a fresh correlation id, since Credenco may have seen the
 * last one) committed before the call; after too many tries or too long a wait it fails. Calls are paced
 * by the {@link SubmissionGate}, and nothing is claimed while the gate's breaker is open.
 */
public final class RetryRequestedIssuancesService implements RetryRequestedIssuancesUseCase {

    private final IssuanceRepository repository;
    private final IssuanceQueue queue;
    private final Transactions transactions;
    private final IssuanceEventPublisher publisher;
    private final OfferSubmitter submitter;
    private final IssuancePolicy policy;
    private final SubmissionGate gate;
    private final Clock clock;

    public RetryRequestedIssuancesService(IssuanceRepository repository, IssuanceQueue queue,
                                          Transactions transactions, IssuanceEventPublisher publisher,
                                          OfferSubmitter submitter, IssuancePolicy policy, SubmissionGate gate,
                                          Clock clock) {
        this.repository = repository;
        this.queue = queue;
        this.transactions = transactions;
        this.publisher = publisher;
        this.submitter = submitter;
        this.policy = policy;
        this.gate = gate;
        this.clock = clock;
    }

    @Override
    public int retryDue(int max) {
        if (!gate.isOpenForBackground()) {
            return 0;
        }
        List<WorkItem> due = transactions.inTransaction(() ->
                queue.claimDue(WorkKind.SUBMIT, clock.instant(), max, policy.workLease()));
        for (WorkItem item : due) {
            if (!gate.isOpenForBackground()) {
                break; // the breaker opened: what stays claimed comes back when its lease ends
            }
            retry(item);
        }
        return due.size();
    }

    private void retry(WorkItem item) {
        CallbackToken token = CallbackToken.generate();
        CredentialIssuance prepared = transactions.inTransaction(() -> {
            CredentialIssuance issuance = Issuances.load(repository, item.issuanceId());
            Instant now = clock.instant();
            if (issuance.status() != IssuanceStatus.REQUESTED) {
                queue.complete(issuance.id(), WorkKind.SUBMIT);
                return null;
            }
            if (item.tries() >= policy.maxAttempts() || now.isAfter(item.since().plus(policy.requestMaxAge()))) {
                issuance.failed(new Failure("credenco_unavailable", "Credenco could not be reached after "
                        + item.tries() + " tries since " + item.since()), now);
                queue.completeAll(issuance.id());
            } else {
                issuance.retrySubmission(CorrelationId.generate(), token, now);
            }
            repository.update(issuance);
            return issuance;
        });
        if (prepared == null) {
            return;
        }
        publisher.publish(prepared.pullEvents());
        if (prepared.status() == IssuanceStatus.REQUESTED) {
            submitter.submit(prepared, token, item.tries(), Lane.BATCH);
        }
    }
}
