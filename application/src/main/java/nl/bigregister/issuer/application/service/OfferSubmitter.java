package nl.bigregister.issuer.application.service;

import nl.bigregister.issuer.application.IssuancePolicy;
import nl.bigregister.issuer.application.port.out.CredentialIssuer;
import nl.bigregister.issuer.application.port.out.CredentialIssuerRejectedException;
import nl.bigregister.issuer.application.port.out.CredentialIssuerUnavailableException;
import nl.bigregister.issuer.application.port.out.IssuanceEventPublisher;
import nl.bigregister.issuer.application.port.out.IssuanceRepository;
import nl.bigregister.issuer.application.port.out.OfferRequest;
import nl.bigregister.issuer.application.port.out.Transactions;
import nl.bigregister.issuer.domain.CallbackToken;
import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.CredentialOffer;
import nl.bigregister.issuer.domain.IssuanceId;
import nl.bigregister.issuer.domain.IssuanceStatus;

import java.time.Clock;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Submits an issuance's current attempt to the credential issuer and records the outcome. The attempt
 * (with its correlation id) is already committed when this runs, and no database transaction is held
 * while Credenco is being called: a slow Credenco must not hold locks or connections.
 */
public final class OfferSubmitter {

    private static final Logger LOG = Logger.getLogger(OfferSubmitter.class.getName());

    private final CredentialIssuer issuer;
    private final IssuanceRepository repository;
    private final Transactions transactions;
    private final IssuanceEventPublisher publisher;
    private final IssuancePolicy policy;
    private final Clock clock;

    public OfferSubmitter(CredentialIssuer issuer, IssuanceRepository repository, Transactions transactions,
                          IssuanceEventPublisher publisher, IssuancePolicy policy, Clock clock) {
        this.issuer = issuer;
        this.repository = repository;
        this.transactions = transactions;
        this.publisher = publisher;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Calls Credenco for the current attempt of {@code submitted}, whose callback token is only known
     * here (only its hash is stored). Returns the issuance as stored afterwards.
     */
    public CredentialIssuance submit(CredentialIssuance submitted, CallbackToken callbackToken) {
        OfferRequest request = new OfferRequest(submitted.currentAttempt().correlationId(), submitted.claims(),
                callbackToken, clock.instant().plus(policy.offerTtl()));
        try {
            CredentialOffer offer = issuer.createOffer(request);
            return record(submitted, i -> i.offerCreated(offer, clock.instant()));
        } catch (CredentialIssuerRejectedException e) {
            LOG.info(() -> "Credenco rejected issuance " + submitted.id() + ": " + e.failure().code());
            return record(submitted, i -> i.failed(e.failure(), clock.instant()));
        } catch (CredentialIssuerUnavailableException e) {
            // Kept as requested: the retry of requested issuances submits it again under a new attempt.
            LOG.info(() -> "Credenco unavailable for issuance " + submitted.id() + ": " + e.getMessage());
            return transactions.inTransaction(() -> load(submitted.id()));
        }
    }

    private CredentialIssuance record(CredentialIssuance submitted, Consumer<CredentialIssuance> outcome) {
        CredentialIssuance result = transactions.inTransaction(() -> {
            CredentialIssuance current = load(submitted.id());
            boolean sameAttempt = current.currentAttempt().correlationId()
                    .equals(submitted.currentAttempt().correlationId());
            if (!sameAttempt || current.status() != IssuanceStatus.REQUESTED) {
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

    private CredentialIssuance load(IssuanceId id) {
        return repository.find(id).orElseThrow(() -> new IllegalStateException("issuance " + id + " vanished"));
    }
}
