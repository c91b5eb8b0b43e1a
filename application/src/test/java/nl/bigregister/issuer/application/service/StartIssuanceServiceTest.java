package nl.bigregister.issuer.application.service;

import nl.bigregister.issuer.application.IssuancePolicy;
import nl.bigregister.issuer.application.fakes.DirectTransactions;
import nl.bigregister.issuer.application.fakes.InMemoryIssuanceQueue;
import nl.bigregister.issuer.application.fakes.InMemoryIssuanceRepository;
import nl.bigregister.issuer.application.fakes.RecordingPublisher;
import nl.bigregister.issuer.application.fakes.TestIssuances;
import nl.bigregister.issuer.application.port.in.StartIssuanceCommand;
import nl.bigregister.issuer.application.port.out.CredentialIssuer;
import nl.bigregister.issuer.application.port.out.CredentialIssuerRejectedException;
import nl.bigregister.issuer.application.port.out.CredentialIssuerUnavailableException;
import nl.bigregister.issuer.application.port.out.OfferRequest;
import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.Failure;
import nl.bigregister.issuer.domain.IssuanceEvent;
import nl.bigregister.issuer.domain.IssuanceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import static nl.bigregister.issuer.application.fakes.TestIssuances.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Starting an issuance: the three outcomes of the Credenco call, and nothing lost on the way. */
@ExtendWith(MockitoExtension.class)
class StartIssuanceServiceTest {

    @Mock
    CredentialIssuer issuer;

    final InMemoryIssuanceRepository repository = new InMemoryIssuanceRepository();
    final DirectTransactions transactions = new DirectTransactions();
    final RecordingPublisher publisher = new RecordingPublisher();
    final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    final InMemoryIssuanceQueue queue = new InMemoryIssuanceQueue(clock);
    final SubmissionGate gate = SubmissionGate.systemGate(1000);

    StartIssuanceService service() {
        OfferSubmitter submitter = new OfferSubmitter(issuer, repository, queue, transactions, publisher,
                IssuancePolicy.defaults(), gate, clock);
        return new StartIssuanceService(repository, queue, transactions, publisher, submitter, clock);
    }

    StartIssuanceCommand sophie() {
        return new StartIssuanceCommand(TestIssuances.sophie(), "portal-1");
    }

    @Test
    void offerFromCredencoMakesItOfferedWithTheTtlAsDeadline() {
        when(issuer.createOffer(any())).thenAnswer(inv ->
                TestIssuances.offer(inv.getArgument(0, OfferRequest.class).expiresAt()));

        CredentialIssuance result = service().start(sophie());

        assertThat(result.status()).isEqualTo(IssuanceStatus.OFFERED);
        assertThat(result.offer()).get().satisfies(o -> assertThat(o.expiresAt()).isEqualTo(T0.plus(Duration.ofMinutes(10))));
        assertThat(repository.find(result.id())).get().extracting(CredentialIssuance::status).isEqualTo(IssuanceStatus.OFFERED);
        assertThat(publisher.events()).extracting(IssuanceEvent::status)
                .containsExactly(IssuanceStatus.REQUESTED, IssuanceStatus.OFFERED);
    }

    @Test
    void credencoGetsTheStoredCorrelationIdAndAMatchingCallbackToken() {
        ArgumentCaptor<OfferRequest> sent = ArgumentCaptor.forClass(OfferRequest.class);
        when(issuer.createOffer(sent.capture())).thenAnswer(inv -> TestIssuances.offer(T0.plusSeconds(600)));

        CredentialIssuance result = service().start(sophie());

        assertThat(sent.getValue().correlationId()).isEqualTo(result.currentAttempt().correlationId());
        assertThat(sent.getValue().callbackToken().hash()).isEqualTo(result.currentAttempt().callbackTokenHash());
        assertThat(sent.getValue().claims()).isEqualTo(TestIssuances.sophie());
    }

    @Test
    void outageKeepsTheIssuanceRequested() {
        when(issuer.createOffer(any())).thenThrow(new CredentialIssuerUnavailableException("connection refused"));

        CredentialIssuance result = service().start(sophie());

        assertThat(result.status()).isEqualTo(IssuanceStatus.REQUESTED);
        assertThat(repository.find(result.id())).get().extracting(CredentialIssuance::status)
                .isEqualTo(IssuanceStatus.REQUESTED);
    }

    @Test
    void permanentRejectionFailsWithTheReason() {
        when(issuer.createOffer(any())).thenThrow(new CredentialIssuerRejectedException(
                new Failure("credenco_rejected", "unknown template")));

        CredentialIssuance result = service().start(sophie());

        assertThat(result.status()).isEqualTo(IssuanceStatus.FAILED);
        assertThat(result.failure()).contains(new Failure("credenco_rejected", "unknown template"));
        verify(issuer).createOffer(any());
    }

    @Test
    void theRequestIsCommittedBeforeCredencoIsCalled() {
        when(issuer.createOffer(any())).thenAnswer(inv -> {
            assertThat(transactions.count()).isEqualTo(1);
            OfferRequest request = inv.getArgument(0);
            assertThat(repository.all()).singleElement().satisfies(stored -> {
                assertThat(stored.status()).isEqualTo(IssuanceStatus.REQUESTED);
                assertThat(stored.currentAttempt().correlationId()).isEqualTo(request.correlationId());
            });
            return TestIssuances.offer(request.expiresAt());
        });
        service().start(sophie());
        assertThat(transactions.count()).isEqualTo(2);
    }
}
