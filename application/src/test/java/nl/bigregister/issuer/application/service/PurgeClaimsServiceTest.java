package nl.bigregister.issuer.application.service;

import nl.bigregister.issuer.application.fakes.DirectTransactions;
import nl.bigregister.issuer.application.fakes.InMemoryIssuanceRepository;
import nl.bigregister.issuer.application.fakes.MutableClock;
import nl.bigregister.issuer.application.fakes.TestIssuances;
import nl.bigregister.issuer.domain.CallbackToken;
import nl.bigregister.issuer.domain.CorrelationId;
import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.Failure;
import nl.bigregister.issuer.domain.IllegalTransitionException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static nl.bigregister.issuer.application.fakes.TestIssuances.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Retention: claims of settled issuances go after the period; open ones and the record stay. */
class PurgeClaimsServiceTest {

    final MutableClock clock = new MutableClock(T0);
    final InMemoryIssuanceRepository repository = new InMemoryIssuanceRepository();
    final PurgeClaimsService purge = new PurgeClaimsService(repository, new DirectTransactions(), Duration.ofDays(30), clock);

    @Test
    void claimsGoThirtyDaysAfterTheIssuanceSettledAndNotBefore() {
        CredentialIssuance open = TestIssuances.requested();
        CredentialIssuance failed = TestIssuances.requested();
        failed.failed(new Failure("credenco_rejected", "no"), T0);
        repository.add(open);
        repository.add(failed);

        clock.advance(Duration.ofDays(30).minusSeconds(1));
        assertThat(purge.purgeDue(100)).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(purge.purgeDue(100)).isEqualTo(1);

        assertThat(repository.find(failed.id()).orElseThrow().claims()).isEmpty();
        assertThat(repository.find(failed.id()).orElseThrow().bigNumber()).isEqualTo(failed.bigNumber());
        assertThat(repository.find(open.id()).orElseThrow().claims()).isPresent();
        assertThat(purge.purgeDue(100)).isZero();
    }

    @Test
    void aPurgedIssuanceCannotBeRenewed() {
        CredentialIssuance failed = TestIssuances.requested();
        failed.failed(new Failure("x", "y"), T0);
        failed.purgeClaims(T0.plusSeconds(1));
        assertThatThrownBy(() -> failed.renew(CorrelationId.generate(), CallbackToken.generate(), T0.plusSeconds(2)))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("retention");
        CredentialIssuance open = TestIssuances.requested();
        assertThatThrownBy(() -> open.purgeClaims(T0)).isInstanceOf(IllegalTransitionException.class);
    }
}
