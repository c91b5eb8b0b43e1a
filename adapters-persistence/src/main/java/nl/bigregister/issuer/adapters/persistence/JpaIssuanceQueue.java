package nl.bigregister.issuer.adapters.persistence;

import jakarta.persistence.EntityManager;
import nl.bigregister.issuer.application.port.out.IssuanceQueue;
import nl.bigregister.issuer.application.port.out.Lane;
import nl.bigregister.issuer.application.port.out.WorkItem;
import nl.bigregister.issuer.application.port.out.WorkKind;
import nl.bigregister.issuer.domain.BatchId;
import nl.bigregister.issuer.domain.IssuanceId;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The work queue in the {@code issuance_work} table. Claims lock the due rows with
 * {@code FOR UPDATE SKIP LOCKED}, so concurrent claimers on other instances take other rows instead of
 * waiting, and move them past the lease in the same transaction.
 */
public final class JpaIssuanceQueue implements IssuanceQueue {

    private final JpaTransactions transactions;

    public JpaIssuanceQueue(JpaTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void schedule(IssuanceId id, WorkKind kind, Instant dueAt, Lane lane) {
        EntityManager em = transactions.entityManager();
        int updated = em.createNativeQuery("""
                        update issuance_work set due_at = case when due_at > ?1 then ?1 else due_at end
                        where issuance_id = ?2 and kind = ?3""")
                .setParameter(1, utc(dueAt)).setParameter(2, id.value()).setParameter(3, kind.name())
                .executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("insert into issuance_work (issuance_id, kind, due_at, tries, since, lane) "
                            + "values (?1, ?2, ?3, 0, ?4, ?5)")
                    .setParameter(1, id.value()).setParameter(2, kind.name()).setParameter(3, utc(dueAt))
                    .setParameter(4, utc(Instant.now())).setParameter(5, lane.ordinal())
                    .executeUpdate();
        }
    }

    @Override
    public void scheduleBatch(BatchId batchId, Instant dueAt) {
        EntityManager em = transactions.entityManager();
        // The batch's rows are in the persistence context until flushed; the insert below reads the table.
        em.flush();
        em.createNativeQuery("""
                        insert into issuance_work (issuance_id, kind, due_at, tries, since, lane)
                        select id, 'SUBMIT', ?1, 0, ?1, ?2 from issuance where batch_id = ?3 and status = 'REQUESTED'""")
                .setParameter(1, utc(dueAt)).setParameter(2, Lane.BATCH.ordinal()).setParameter(3, batchId.value())
                .executeUpdate();
    }

    @Override
    public void retryAt(IssuanceId id, WorkKind kind, Instant dueAt) {
        transactions.entityManager().createNativeQuery(
                        "update issuance_work set due_at = ?1, tries = tries + 1 where issuance_id = ?2 and kind = ?3")
                .setParameter(1, utc(dueAt)).setParameter(2, id.value()).setParameter(3, kind.name())
                .executeUpdate();
    }

    @Override
    public List<WorkItem> claimDue(WorkKind kind, Instant now, int max, Duration lease) {
        EntityManager em = transactions.entityManager();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select issuance_id, tries, due_at, since from issuance_work
                        where kind = ?1 and due_at <= ?2
                        order by lane, due_at
                        fetch first ?3 rows only
                        for update skip locked""")
                .setParameter(1, kind.name()).setParameter(2, utc(now)).setParameter(3, max)
                .getResultList();
        List<WorkItem> claimed = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            UUID id = Columns.uuid(row[0]);
            em.createNativeQuery("update issuance_work set due_at = ?1 where issuance_id = ?2 and kind = ?3")
                    .setParameter(1, utc(now.plus(lease))).setParameter(2, id).setParameter(3, kind.name())
                    .executeUpdate();
            claimed.add(new WorkItem(new IssuanceId(id), kind, ((Number) row[1]).intValue(), Columns.instant(row[2]), Columns.instant(row[3])));
        }
        return claimed;
    }

    @Override
    public void complete(IssuanceId id, WorkKind kind) {
        transactions.entityManager().createNativeQuery("delete from issuance_work where issuance_id = ?1 and kind = ?2")
                .setParameter(1, id.value()).setParameter(2, kind.name()).executeUpdate();
    }

    @Override
    public void completeAll(IssuanceId id) {
        transactions.entityManager().createNativeQuery("delete from issuance_work where issuance_id = ?1")
                .setParameter(1, id.value()).executeUpdate();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
