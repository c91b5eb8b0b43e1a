package nl.bigregister.issuer.application.port.out;

import nl.bigregister.issuer.domain.BatchId;
import nl.bigregister.issuer.domain.IssuanceId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Durable work for issuances, shared by every instance: at most one item per issuance and kind. Claiming
 * leases the items (their due time moves past the lease), so another instance skips them, and an
 * instance that dies mid-work leaves them due again once the lease ends. Called inside a transaction.
 */
public interface IssuanceQueue {

    /** Makes work due at {@code dueAt}, or earlier if it already was; keeps its count of tries. */
    default void schedule(IssuanceId id, WorkKind kind, Instant dueAt) {
        schedule(id, kind, dueAt, Lane.INTERACTIVE);
    }

    /** As {@link #schedule(IssuanceId, WorkKind, Instant)}, in a lane: interactive work is claimed first. */
    void schedule(IssuanceId id, WorkKind kind, Instant dueAt, Lane lane);

    /** Makes the submission of every requested issuance of a batch due, in the batch lane, in one go. */
    void scheduleBatch(BatchId batchId, Instant dueAt);

    /** Sets the next due time and counts one more try. */
    void retryAt(IssuanceId id, WorkKind kind, Instant dueAt);

    /** Claims up to {@code max} items of this kind due at {@code now}, interactive first, skipping those others hold. */
    List<WorkItem> claimDue(WorkKind kind, Instant now, int max, Duration lease);

    /** The work is done; forget it. */
    void complete(IssuanceId id, WorkKind kind);

    /** Forgets every kind of work of an issuance that reached a settled state. */
    void completeAll(IssuanceId id);
}
