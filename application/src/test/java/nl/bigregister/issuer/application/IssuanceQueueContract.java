package nl.bigregister.issuer.application;

import nl.bigregister.issuer.application.fakes.TestIssuances;
import nl.bigregister.issuer.application.port.out.IssuanceQueue;
import nl.bigregister.issuer.application.port.out.IssuanceRepository;
import nl.bigregister.issuer.application.port.out.Transactions;
import nl.bigregister.issuer.application.port.out.WorkItem;
import nl.bigregister.issuer.application.port.out.WorkKind;
import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.IssuanceId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What every IssuanceQueue must do; run against the in-memory fake and the database on H2 and PostgreSQL. */
public abstract class IssuanceQueueContract {

    protected abstract IssuanceQueue queue();

    protected abstract IssuanceRepository repository();

    protected abstract Transactions transactions();

    /** A moment far from every other test's, so each test sees only its own due work. */
    private final Instant now = Instant.parse("2030-01-01T00:00:00Z").plusSeconds((long) (Math.random() * 1e8) * 100);

    protected IssuanceId newIssuance() {
        CredentialIssuance issuance = TestIssuances.requested();
        transactions().run(() -> repository().add(issuance));
        return issuance.id();
    }

    private List<WorkItem> claim(WorkKind kind, Instant at) {
        return transactions().inTransaction(() -> queue().claimDue(kind, at, 1000, Duration.ofSeconds(60))).stream()
                .filter(w -> !w.dueAt().isBefore(now.minusSeconds(3600))).toList();
    }

    @Test
    void dueWorkIsClaimedOnceUntilItsLeaseEnds() {
        IssuanceId id = newIssuance();
        transactions().run(() -> queue().schedule(id, WorkKind.SUBMIT, now));

        assertThat(claim(WorkKind.SUBMIT, now.minusSeconds(1))).extracting(WorkItem::issuanceId).doesNotContain(id);
        assertThat(claim(WorkKind.CHECK_STATUS, now)).extracting(WorkItem::issuanceId).doesNotContain(id);
        List<WorkItem> claimed = claim(WorkKind.SUBMIT, now);
        assertThat(claimed).extracting(WorkItem::issuanceId).contains(id);
        assertThat(claimed.stream().filter(w -> w.issuanceId().equals(id)).findFirst().orElseThrow().tries()).isZero();

        assertThat(claim(WorkKind.SUBMIT, now.plusSeconds(59))).extracting(WorkItem::issuanceId).doesNotContain(id);
        assertThat(claim(WorkKind.SUBMIT, now.plusSeconds(60))).extracting(WorkItem::issuanceId).contains(id);
    }

    @Test
    void retryCountsTriesAndCompletedWorkIsGone() {
        IssuanceId id = newIssuance();
        transactions().run(() -> queue().schedule(id, WorkKind.REVOKE, now));
        transactions().run(() -> queue().retryAt(id, WorkKind.REVOKE, now.plusSeconds(10)));
        transactions().run(() -> queue().retryAt(id, WorkKind.REVOKE, now.plusSeconds(20)));
        assertThat(claim(WorkKind.REVOKE, now.plusSeconds(19))).extracting(WorkItem::issuanceId).doesNotContain(id);
        WorkItem item = claim(WorkKind.REVOKE, now.plusSeconds(20)).stream()
                .filter(w -> w.issuanceId().equals(id)).findFirst().orElseThrow();
        assertThat(item.tries()).isEqualTo(2);

        transactions().run(() -> queue().complete(id, WorkKind.REVOKE));
        assertThat(claim(WorkKind.REVOKE, now.plusSeconds(3600))).extracting(WorkItem::issuanceId).doesNotContain(id);
    }

    @Test
    void schedulingAgainOnlyEverBringsWorkForward() {
        IssuanceId id = newIssuance();
        transactions().run(() -> queue().schedule(id, WorkKind.CHECK_STATUS, now.plusSeconds(30)));
        transactions().run(() -> queue().schedule(id, WorkKind.CHECK_STATUS, now.plusSeconds(60)));
        assertThat(claim(WorkKind.CHECK_STATUS, now.plusSeconds(30))).extracting(WorkItem::issuanceId).contains(id);
        transactions().run(() -> queue().schedule(id, WorkKind.CHECK_STATUS, now));
        assertThat(claim(WorkKind.CHECK_STATUS, now)).extracting(WorkItem::issuanceId).contains(id);
    }

    @Test
    void completeAllForgetsEveryKind() {
        IssuanceId id = newIssuance();
        transactions().run(() -> {
            queue().schedule(id, WorkKind.SUBMIT, now);
            queue().schedule(id, WorkKind.CHECK_STATUS, now);
        });
        transactions().run(() -> queue().completeAll(id));
        assertThat(claim(WorkKind.SUBMIT, now)).extracting(WorkItem::issuanceId).doesNotContain(id);
        assertThat(claim(WorkKind.CHECK_STATUS, now)).extracting(WorkItem::issuanceId).doesNotContain(id);
    }
}
