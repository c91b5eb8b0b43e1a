package nl.bigregister.issuer.distribution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import nl.bigregister.issuer.adapters.credenco.CredencoCredentialIssuer;
import nl.bigregister.issuer.adapters.persistence.Database;
import nl.bigregister.issuer.adapters.persistence.JpaIssuanceRepository;
import nl.bigregister.issuer.adapters.persistence.JpaTransactions;
import nl.bigregister.issuer.adapters.web.security.ApiClients;
import nl.bigregister.issuer.application.port.in.GetIssuanceQuery;
import nl.bigregister.issuer.application.port.in.StartIssuanceUseCase;
import nl.bigregister.issuer.application.port.out.CredentialIssuer;
import nl.bigregister.issuer.application.port.out.IssuanceEventPublisher;
import nl.bigregister.issuer.application.port.out.IssuanceRepository;
import nl.bigregister.issuer.application.port.out.Transactions;
import nl.bigregister.issuer.application.service.GetIssuanceService;
import nl.bigregister.issuer.application.service.OfferSubmitter;
import nl.bigregister.issuer.application.service.StartIssuanceService;

import java.time.Clock;
import java.time.Duration;

/**
 * Composition root: builds the application's services on the adapters. The only place that knows every
 * module; the services themselves stay free of CDI.
 */
@ApplicationScoped
public class Wiring {

    @Produces
    @Singleton
    Clock clock() {
        // Microseconds: what both databases store, so an instant reads back exactly as it was written.
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    @Produces
    @Singleton
    Database database(IssuerSettings settings) {
        return Database.open(settings.database());
    }

    void closeDatabase(@Disposes Database database) {
        database.close();
    }

    @Produces
    @Singleton
    @Typed(JpaTransactions.class) // offered as Transactions by the producer below only
    JpaTransactions jpaTransactions(Database database) {
        return new JpaTransactions(database);
    }

    @Produces
    @Singleton
    Transactions transactions(JpaTransactions transactions) {
        return transactions;
    }

    @Produces
    @Singleton
    IssuanceRepository issuanceRepository(JpaTransactions transactions) {
        return new JpaIssuanceRepository(transactions);
    }

    @Produces
    @Singleton
    CredentialIssuer credentialIssuer(IssuerSettings settings, Clock clock) {
        return new CredencoCredentialIssuer(settings.credenco(), clock);
    }

    @Produces
    @Singleton
    ApiClients apiClients(IssuerSettings settings) {
        return ApiClients.parse(settings.clients());
    }

    @Produces
    @Singleton
    OfferSubmitter offerSubmitter(CredentialIssuer issuer, IssuanceRepository repository, Transactions transactions,
                                  IssuanceEventPublisher publisher, IssuerSettings settings, Clock clock) {
        return new OfferSubmitter(issuer, repository, transactions, publisher, settings.policy(), clock);
    }

    @Produces
    @Singleton
    StartIssuanceUseCase startIssuance(IssuanceRepository repository, Transactions transactions,
                                       IssuanceEventPublisher publisher, OfferSubmitter submitter, Clock clock) {
        return new StartIssuanceService(repository, transactions, publisher, submitter, clock);
    }

    @Produces
    @Singleton
    GetIssuanceQuery getIssuance(IssuanceRepository repository, Transactions transactions) {
        return new GetIssuanceService(repository, transactions);
    }
}
