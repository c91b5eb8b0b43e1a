package nl.bigregister.issuer.application.audit;

import nl.bigregister.issuer.application.fakes.InMemoryIssuanceRepository;
import nl.bigregister.issuer.application.fakes.TestIssuances;
import nl.bigregister.issuer.application.port.out.AuditQuery;
import nl.bigregister.issuer.application.port.out.AuditTrail;
import nl.bigregister.issuer.application.port.out.Caller;
import nl.bigregister.issuer.domain.CallbackToken;
import nl.bigregister.issuer.domain.CorrelationId;
import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.Failure;
import nl.bigregister.issuer.domain.ReportedStatus;
import nl.bigregister.issuer.domain.RevocationId;
import nl.bigregister.issuer.domain.StatusReport;
import nl.bigregister.issuer.domain.audit.AuditAction;
import nl.bigregister.issuer.domain.audit.AuditEntry;
import nl.bigregister.issuer.domain.audit.AuditEvent;
import nl.bigregister.issuer.domain.audit.ChainVerification;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import static nl.bigregister.issuer.application.fakes.TestIssuances.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** Every state change stored becomes one audit entry, with the caller of the moment as actor. */
class AuditingIssuanceRepositoryTest {

    final List<AuditEntry> recorded = new ArrayList<>();
    final AuditTrail trail = new AuditTrail() {
        @Override
        public void append(AuditEntry entry) {
            recorded.add(entry);
        }

        @Override
        public List<AuditEvent> find(AuditQuery query) {
            return List.of();
        }

        @Override
        public void forEach(AuditQuery query, Consumer<AuditEvent> consumer) {
        }

        @Override
        public ChainVerification.Result verify() {
            return new ChainVerification().result();
        }
    };
    final ThreadCallerContext callers = new ThreadCallerContext();
    final AuditingIssuanceRepository repository = new AuditingIssuanceRepository(new InMemoryIssuanceRepository(),
            new Auditor(trail, callers, Clock.fixed(T0, ZoneOffset.UTC)));

    @Test
    void eachTransitionIsRecordedWithItsActorAndSubject() {
        Caller portal = new Caller("portal-1", Optional.of("digid:42"), Optional.of("10.1.2.3"));
        CredentialIssuance issuance = TestIssuances.requested();
        callers.as(portal, () -> {
            repository.add(issuance);
            return null;
        });
        issuance.pullEvents();

        CredentialIssuance i = repository.find(issuance.id()).orElseThrow();
        i.offerCreated(TestIssuances.offer(T0.plusSeconds(600)), T0);
        callers.as(portal, () -> {
            repository.update(i);
            return null;
        });

        CredentialIssuance j = repository.find(issuance.id()).orElseThrow();
        j.apply(new StatusReport(j.currentAttempt().correlationId(), ReportedStatus.COMPLETED, T0.plusSeconds(5),
                Optional.of(new RevocationId("r")), Optional.empty()), T0.plusSeconds(5));
        callers.as(Caller.CREDENCO, () -> {
            repository.update(j);
            return null;
        });

        CredentialIssuance k = repository.find(issuance.id()).orElseThrow();
        k.revoke("registration suspended", T0.plusSeconds(6));
        k.revocationConfirmed(T0.plusSeconds(7));
        callers.as(new Caller("ops", Optional.empty(), Optional.empty()), () -> {
            repository.update(k);
            return null;
        });

        assertThat(recorded).extracting(AuditEntry::action).containsExactly(AuditAction.ISSUANCE_REQUESTED,
                AuditAction.OFFER_CREATED, AuditAction.CREDENTIAL_ISSUED, AuditAction.REVOCATION_REQUESTED,
                AuditAction.CREDENTIAL_REVOKED);
        assertThat(recorded).extracting(AuditEntry::actor).containsExactly("portal-1", "portal-1", "credenco", "ops", "ops");
        assertThat(recorded.getFirst().onBehalfOf()).contains("digid:42");
        assertThat(recorded.getFirst().sourceAddress()).contains("10.1.2.3");
        assertThat(recorded).allSatisfy(e -> {
            assertThat(e.subject()).contains("29065432101");
            assertThat(e.issuanceId()).contains(issuance.id().toString());
            assertThat(e.toString()).doesNotContain("Sophie").doesNotContain("Vries");
        });
        assertThat(recorded.get(3).detail()).contains("registration suspended");
    }

    @Test
    void renewalsCancellationsFailuresAndPurgesAreRecordedToo() {
        CredentialIssuance issuance = TestIssuances.requested();
        repository.add(issuance);
        CredentialIssuance i = repository.find(issuance.id()).orElseThrow();
        i.failed(new Failure("credenco_rejected", "unknown template"), T0);
        i.renew(CorrelationId.generate(), CallbackToken.generate(), T0.plusSeconds(1));
        i.cancel(T0.plusSeconds(2));
        i.purgeClaims(T0.plusSeconds(3));
        repository.update(i);
        assertThat(recorded).extracting(AuditEntry::action).containsExactly(AuditAction.ISSUANCE_REQUESTED,
                AuditAction.ISSUANCE_FAILED, AuditAction.ISSUANCE_RENEWED, AuditAction.ISSUANCE_CANCELLED,
                AuditAction.CLAIMS_PURGED);
        assertThat(recorded.get(1).detail()).isEqualTo("credenco_rejected");
        assertThat(recorded).extracting(AuditEntry::actor).containsOnly("system");
    }
}
