package nl.bigregister.issuer.application.service;

import nl.bigregister.issuer.application.IssuancePolicy;
import nl.bigregister.issuer.application.port.out.CredentialIssuer;
import nl.bigregister.issuer.application.port.out.CredentialIssuerRejectedException;
import nl.bigregister.issuer.application.port.out.CredentialIssuerUnavailableException;
import nl.bigregister.issuer.application.port.out.IssuanceEventPublisher;
import nl.bigregister.issuer.application.port.out.IssuanceQueue;
import nl.bigregister.issuer.application.port.out.IssuanceRepository;
import nl.bigregister.issuer.application.port.out.Lane;
import nl.bigregister.issuer.application.port.out.OfferRequest;
import nl.bigregister.issuer.application.port.out.Transactions;
import nl.bigregister.issuer.application.port.out.WorkKind;
import nl.bigregister.issuer.domain.Attempt;
import nl.bigregister.issuer.domain.CallbackToken;
import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.CredentialOffer;
import nl.bigregister.issuer.domain.IssuanceStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Submits an issuance's current attempt to the credential issuer and records the outcome. The attempt
 * (with its correlation id) and a leased SUBMIT item are committed before this runs, and no transaction
 * is held while Credenco is called: a slow Credenco must not hold locks or connections, and a crash
 * mid-call leaves the SUBMIT item to be retried once its lease ends.
 */
public final class OfferSubmitter {

    private static final Logger LOG = Logger.getLogger(OfferSubmitter.class.getName());
    /** How long a portal user may wait for room under Credenco's limit before the start answers "requested". */
    static final Duration INTERACTIVE_MAX_WAIT = Duration.ofSeconds(1);

    private final CredentialIssuer issuer;
    private final IssuanceRepository repository;
    private final IssuanceQueue queue;
    private final Transactions transactions;
    private final IssuanceEventPublisher publisher;
    private final IssuancePolicy policy;
    private final SubmissionGate gate;
    private final Clock clock;

    public OfferSubmitter(CredentialIssuer issuer, IssuanceRepository repository, IssuanceQueue queue,
                          Transactions transactions, IssuanceEventPublisher publisher, IssuancePolicy policy,
                          SubmissionGate gate, Clock clock) {
        this.issuer = issuer;
        this.repository = repository;
        this.queue = queue;
        this.transactions = transactions;
        this.publisher = publisher;
        this.policy = policy;
        this.gate = gate;
        this.clock = clock;
    }

    /**
     * Calls Credenco for the current attempt of {@code submitted}, whose callback token is only known here
     * (only its hash is stored). {@code failedBefore} counts earlier failed submissions, for the backoff.
     * Returns the issuance as stored afterwards.
     */
    public CredentialIssuance submit(CredentialIssuance submitted, CallbackToken callbackToken, int failedBefore) {
        return submit(submitted, callbackToken, failedBefore, Lane.INTERACTIVE);
    }

    /**
     * As above. A call in the interactive lane goes ahead of batch calls, waiting at most a second for room
     * under Credenco's limit; a background call waits for its evenly spaced slot.
     */
    public CredentialIssuance submit(CredentialIssuance submitted, CallbackToken callbackToken, int failedBefore,
                                     Lane lane) {
        if (lane == Lane.INTERACTIVE && !interactiveSlot()) {
            // Portal calls alone exceed Credenco's limit: the start answers "requested", and the dispatcher
            // sends it at the next free slot, ahead of batch work.
            transactions.run(() -> queue.schedule(submitted.id(), WorkKind.SUBMIT, clock.instant(), Lane.INTERACTIVE));
            return submitted;
        }
        if (lane != Lane.INTERACTIVE && !awaitSlot()) {
            // No slot soon enough (or interrupted): the leased SUBMIT item brings it back after its lease.
            return submitted;
        }
        OfferRequest request = new OfferRequest(submitted.currentAttempt().correlationId(), submitted.claims().orElseThrow(),
                callbackToken, clock.instant().plus(policy.offerTtl()));
        try {
            CredentialOffer offer = issuer.createOffer(request);
            gate.succeeded();
            return record(submitted, i -> {
                i.offerCreated(offer, clock.instant());
                queue.complete(i.id(), WorkKind.SUBMIT);
                queue.schedule(i.id(), WorkKind.CHECK_STATUS, clock.instant().plus(policy.pollDelay(1)));
            });
        } catch (CredentialIssuerRejectedException e) {
            gate.succeeded();
            LOG.info(() -> "Credenco rejected issuance " + submitted.id() + ": " + e.failure().code());
            return record(submitted, i -> {
                i.failed(e.failure(), clock.instant());
                queue.completeAll(i.id());
            });
        } catch (CredentialIssuerUnavailableException e) {
            gate.unavailable(e.retryAfter().orElse(Duration.ZERO));
            Duration wait = policy.retryDelay(failedBefore + 1, e.retryAfter().orElse(Duration.ZERO));
            LOG.info(() -> "Credenco unavailable for issuance " + submitted.id() + " (" + e.getMessage()
                    + "); next try in " + wait.toMillis() + " ms");
            return transactions.inTransaction(() -> {
                CredentialIssuance current = Issuances.load(repository, submitted.id());
                if (isStillWaitingFor(current, submitted)) {
                    queue.retryAt(current.id(), WorkKind.SUBMIT, clock.instant().plus(wait));
                }
                return current;
            });
        }
    }

    /**
     * A portal's call goes ahead of batch work; it waits only when portal calls alone fill Credenco's limit,
     * and then at most {@link #INTERACTIVE_MAX_WAIT}.
     */
    private boolean interactiveSlot() {
        try {
            return gate.interactiveCall(INTERACTIVE_MAX_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits for the batch lane's next slot right before the call, so the pacing is what Credenco sees. */
    private boolean awaitSlot() {
        try {
            // The breaker may have opened while this call waited for its slot.
            return gate.awaitBackgroundSlot(policy.workLease().dividedBy(2)) && gate.isOpenForBackground();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean isStillWaitingFor(CredentialIssuance current, CredentialIssuance submitted) {
        return current.status() == IssuanceStatus.REQUESTED
                && current.latestAttempt().map(Attempt::correlationId)
                        .equals(submitted.latestAttempt().map(Attempt::correlationId));
    }

    private CredentialIssuance record(CredentialIssuance submitted, Consumer<CredentialIssuance> outcome) {
        CredentialIssuance result = transactions.inTransaction(() -> {
            CredentialIssuance current = Issuances.load(repository, submitted.id());
            if (!isStillWaitingFor(current, submitted)) {
                // Cancelled or resubmitted meanwhile: this attempt's outcome no longer matters.
                return current;
            }
            outcome.accept(current);
            repository.update(current);
            return current;
        });
        publisher.publish(result.pullEvents());
        return result;
    }

    /** When a submission may be tried again after the one now starting, if this one never answers. */
    Instant leaseEnd() {
        return clock.instant().plus(policy.workLease());
    }
}
