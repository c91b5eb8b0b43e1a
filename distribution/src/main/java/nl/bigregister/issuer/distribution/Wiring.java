package nl.bigregister.issuer.distribution;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import nl.bigregister.issuer.adapters.credenco.CredencoCredentialIssuer;
import nl.bigregister.issuer.adapters.persistence.ClaimsCipher;
import nl.bigregister.issuer.adapters.persistence.Database;
import nl.bigregister.issuer.adapters.persistence.JpaAuditTrail;
import nl.bigregister.issuer.adapters.persistence.JpaBatchRepository;
import nl.bigregister.issuer.adapters.persistence.JpaIssuanceQueue;
import nl.bigregister.issuer.adapters.persistence.JpaIssuanceRepository;
import nl.bigregister.issuer.adapters.persistence.JpaTransactions;
import nl.bigregister.issuer.adapters.web.issuance.LiveStatus;
import nl.bigregister.issuer.adapters.web.issuance.Unaudited;
import nl.bigregister.issuer.application.audit.AuditTrailService;
import nl.bigregister.issuer.application.audit.AuditedQueries;
import nl.bigregister.issuer.application.audit.Auditor;
import nl.bigregister.issuer.application.audit.AuditingIssuanceRepository;
import nl.bigregister.issuer.application.audit.ThreadCallerContext;
import nl.bigregister.issuer.application.port.in.PurgeClaimsUseCase;
import nl.bigregister.issuer.application.port.in.QueryAuditTrailQuery;
import nl.bigregister.issuer.application.port.in.RecordRefusalUseCase;
import nl.bigregister.issuer.application.port.in.VerifyAuditTrailUseCase;
import nl.bigregister.issuer.application.port.out.AuditTrail;
import nl.bigregister.issuer.application.port.out.CallerContext;
import nl.bigregister.issuer.adapters.web.security.ApiClients;
import nl.bigregister.issuer.application.port.in.CancelBatchUseCase;
import nl.bigregister.issuer.application.port.in.CancelIssuanceUseCase;
import nl.bigregister.issuer.application.port.in.EnqueueBatchUseCase;
import nl.bigregister.issuer.application.port.in.GetBatchQuery;
import nl.bigregister.issuer.application.port.in.CompleteRevocationsUseCase;
import nl.bigregister.issuer.application.port.in.ExpireOffersUseCase;
import nl.bigregister.issuer.application.port.in.GetIssuanceQuery;
import nl.bigregister.issuer.application.port.in.RecordStatusCallbackUseCase;
import nl.bigregister.issuer.application.port.in.RenewIssuanceUseCase;
import nl.bigregister.issuer.application.port.in.RetryRequestedIssuancesUseCase;
import nl.bigregister.issuer.application.port.in.RevokeIssuanceUseCase;
import nl.bigregister.issuer.application.port.in.SearchIssuancesQuery;
import nl.bigregister.issuer.application.port.in.StartIssuanceUseCase;
import nl.bigregister.issuer.application.port.in.StrikeOffUseCase;
import nl.bigregister.issuer.application.port.in.TrackOfferStatusUseCase;
import nl.bigregister.issuer.application.port.out.BatchRepository;
import nl.bigregister.issuer.application.port.out.CredentialIssuer;
import nl.bigregister.issuer.application.port.out.IssuanceEventPublisher;
import nl.bigregister.issuer.application.port.out.IssuanceQueue;
import nl.bigregister.issuer.application.port.out.IssuanceRepository;
import nl.bigregister.issuer.application.port.out.Transactions;
import nl.bigregister.issuer.application.service.BatchService;
import nl.bigregister.issuer.application.service.CancelIssuanceService;
import nl.bigregister.issuer.application.service.EnqueueBatchService;
import nl.bigregister.issuer.application.service.ExpireOffersService;
import nl.bigregister.issuer.application.service.GetIssuanceService;
import nl.bigregister.issuer.application.service.OfferSubmitter;
import nl.bigregister.issuer.application.service.PurgeClaimsService;
import nl.bigregister.issuer.application.service.RecordStatusCallbackService;
import nl.bigregister.issuer.application.service.RenewIssuanceService;
import nl.bigregister.issuer.application.service.RetryRequestedIssuancesService;
import nl.bigregister.issuer.application.service.RevocationService;
import nl.bigregister.issuer.application.service.SearchIssuancesService;
import nl.bigregister.issuer.application.service.StartIssuanceService;
import nl.bigregister.issuer.application.service.StrikeOffService;
import nl.bigregister.issuer.application.service.SubmissionGate;
import nl.bigregister.issuer.application.service.TrackOfferStatusService;

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
    CallerContext callerContext() {
        return new ThreadCallerContext();
    }

    @Produces
    @Singleton
    AuditTrail auditTrail(JpaTransactions transactions) {
        return new JpaAuditTrail(transactions);
    }

    @Produces
    @Singleton
    Auditor auditor(AuditTrail trail, CallerContext callers, Clock clock) {
        return new Auditor(trail, callers, clock);
    }

    @Produces
    @Singleton
    @Typed(AuditTrailService.class)
    AuditTrailService auditTrailService(AuditTrail trail, Auditor auditor, Transactions transactions) {
        return new AuditTrailService(trail, auditor, transactions);
    }

    @Produces
    @Singleton
    QueryAuditTrailQuery auditQueries(AuditTrailService service) {
        return service;
    }

    @Produces
    @Singleton
    VerifyAuditTrailUseCase auditVerification(AuditTrailService service) {
        return service;
    }

    @Produces
    @Singleton
    RecordRefusalUseCase refusals(AuditTrailService service) {
        return service;
    }

    @Produces
    @Singleton
    ClaimsCipher claimsCipher(IssuerSettings settings) {
        return new ClaimsCipher(settings.encryptionKey(), settings.oldEncryptionKeys());
    }

    /** Every state change stored is audited in the same transaction. */
    @Produces
    @Singleton
    IssuanceRepository issuanceRepository(JpaTransactions transactions, Auditor auditor, ClaimsCipher cipher) {
        return new AuditingIssuanceRepository(new JpaIssuanceRepository(transactions, cipher), auditor);
    }

    @Produces
    @Singleton
    IssuanceQueue issuanceQueue(JpaTransactions transactions) {
        return new JpaIssuanceQueue(transactions);
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
    IssuanceEventPublisher eventPublisher(LiveStatus liveStatus) {
        return new LoggedEvents(liveStatus);
    }

    @Produces
    @Singleton
    BatchRepository batchRepository(JpaTransactions transactions) {
        return new JpaBatchRepository(transactions);
    }

    @Produces
    @Singleton
    SubmissionGate submissionGate(IssuerSettings settings) {
        return SubmissionGate.systemGate(settings.credencoRateLimit());
    }

    @Produces
    @Singleton
    OfferSubmitter offerSubmitter(CredentialIssuer issuer, IssuanceRepository repository, IssuanceQueue queue,
                                  Transactions transactions, IssuanceEventPublisher publisher, IssuerSettings settings,
                                  SubmissionGate gate, Clock clock) {
        return new OfferSubmitter(issuer, repository, queue, transactions, publisher, settings.policy(), gate, clock);
    }

    @Produces
    @Singleton
    EnqueueBatchUseCase enqueueBatch(IssuanceRepository issuances, BatchRepository batches, IssuanceQueue queue,
                                     Transactions transactions, Auditor auditor, Clock clock) {
        return AuditedQueries.enqueueBatch(new EnqueueBatchService(issuances, batches, queue, transactions, clock),
                auditor, transactions);
    }

    @Produces
    @Singleton
    @Typed(BatchService.class)
    BatchService batchService(BatchRepository batches, IssuanceRepository issuances, IssuanceQueue queue,
                              Transactions transactions, IssuanceEventPublisher publisher, Clock clock) {
        return new BatchService(batches, issuances, queue, transactions, publisher, clock);
    }

    @Produces
    @Singleton
    GetBatchQuery batchProgress(BatchService batches, Auditor auditor, Transactions transactions) {
        return AuditedQueries.getBatch(batches, auditor, transactions);
    }

    @Produces
    @Singleton
    CancelBatchUseCase cancelBatch(BatchService batches) {
        return batches;
    }

    @Produces
    @Singleton
    StartIssuanceUseCase startIssuance(IssuanceRepository repository, IssuanceQueue queue, Transactions transactions,
                                       IssuanceEventPublisher publisher, OfferSubmitter submitter, Clock clock) {
        return new StartIssuanceService(repository, queue, transactions, publisher, submitter, clock);
    }

    @Produces
    @Singleton
    GetIssuanceQuery getIssuance(IssuanceRepository repository, Transactions transactions, Auditor auditor) {
        return AuditedQueries.getIssuance(new GetIssuanceService(repository, transactions), auditor, transactions);
    }

    @Produces
    @Singleton
    @Unaudited
    GetIssuanceQuery getIssuanceUnaudited(IssuanceRepository repository, Transactions transactions) {
        return new GetIssuanceService(repository, transactions);
    }

    @Produces
    @Singleton
    SearchIssuancesQuery searchIssuances(IssuanceRepository repository, Transactions transactions, Auditor auditor) {
        return AuditedQueries.searchIssuances(new SearchIssuancesService(repository, transactions), auditor, transactions);
    }

    @Produces
    @Singleton
    RetryRequestedIssuancesUseCase retries(IssuanceRepository repository, IssuanceQueue queue,
                                           Transactions transactions, IssuanceEventPublisher publisher,
                                           OfferSubmitter submitter, IssuerSettings settings, SubmissionGate gate,
                                           Clock clock) {
        return new RetryRequestedIssuancesService(repository, queue, transactions, publisher, submitter,
                settings.policy(), gate, clock);
    }

    @Produces
    @Singleton
    TrackOfferStatusUseCase statusChecks(CredentialIssuer issuer, IssuanceRepository repository, IssuanceQueue queue,
                                         Transactions transactions, IssuanceEventPublisher publisher,
                                         IssuerSettings settings, Clock clock) {
        return new TrackOfferStatusService(issuer, repository, queue, transactions, publisher, settings.policy(), clock);
    }

    @Produces
    @Singleton
    ExpireOffersUseCase expiry(IssuanceRepository repository, IssuanceQueue queue, Transactions transactions,
                               IssuanceEventPublisher publisher, Clock clock) {
        return new ExpireOffersService(repository, queue, transactions, publisher, clock);
    }

    @Produces
    @Singleton
    @Typed(RevocationService.class)
    RevocationService revocationService(CredentialIssuer issuer, IssuanceRepository repository, IssuanceQueue queue,
                                        Transactions transactions, IssuanceEventPublisher publisher,
                                        IssuerSettings settings, Clock clock) {
        return new RevocationService(issuer, repository, queue, transactions, publisher, settings.policy(), clock);
    }

    @Produces
    @Singleton
    RevokeIssuanceUseCase revoke(RevocationService revocations) {
        return revocations;
    }

    @Produces
    @Singleton
    CompleteRevocationsUseCase pendingRevocations(RevocationService revocations) {
        return revocations;
    }

    @Produces
    @Singleton
    PurgeClaimsUseCase purgeClaims(IssuanceRepository repository, Transactions transactions, IssuerSettings settings,
                                   Clock clock) {
        return new PurgeClaimsService(repository, transactions, settings.claimsRetention(), clock);
    }

    @Produces
    @Singleton
    CancelIssuanceUseCase cancel(IssuanceRepository repository, IssuanceQueue queue, Transactions transactions,
                                 IssuanceEventPublisher publisher, Clock clock) {
        return new CancelIssuanceService(repository, queue, transactions, publisher, clock);
    }

    @Produces
    @Singleton
    RenewIssuanceUseCase renew(IssuanceRepository repository, IssuanceQueue queue, Transactions transactions,
                               IssuanceEventPublisher publisher, OfferSubmitter submitter, Clock clock) {
        return new RenewIssuanceService(repository, queue, transactions, publisher, submitter, clock);
    }

    @Produces
    @Singleton
    StrikeOffUseCase strikeOff(IssuanceRepository repository, Transactions transactions, RevokeIssuanceUseCase revoke,
                               CancelIssuanceUseCase cancel, Auditor auditor) {
        return AuditedQueries.strikeOff(new StrikeOffService(repository, transactions, revoke, cancel), auditor,
                transactions);
    }

    @Produces
    @Singleton
    RecordStatusCallbackUseCase callbacks(IssuanceRepository repository, IssuanceQueue queue,
                                          Transactions transactions, Workers workers, Clock clock) {
        return new RecordStatusCallbackService(repository, queue, transactions, workers::wake, clock);
    }
}
