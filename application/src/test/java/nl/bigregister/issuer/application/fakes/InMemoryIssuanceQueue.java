package nl.bigregister.issuer.application.fakes;

import nl.bigregister.issuer.application.port.out.IssuanceQueue;
import nl.bigregister.issuer.application.port.out.WorkItem;
import nl.bigregister.issuer.application.port.out.WorkKind;
import nl.bigregister.issuer.application.port.out.Lane;
import nl.bigregister.issuer.domain.BatchId;
import nl.bigregister.issuer.domain.IssuanceId;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** The durable queue in memory, with the same leasing rules as the database one. */
public final class InMemoryIssuanceQueue implements IssuanceQueue {

    private record Key(IssuanceId id, WorkKind kind) {
    }

    private final Map<Key, WorkItem> items = new ConcurrentHashMap<>();
    private final Map<Key, Lane> lanes = new ConcurrentHashMap<>();
    private final java.time.Clock clock;
    private final Function<BatchId, List<IssuanceId>> requestedInBatch;

    public InMemoryIssuanceQueue(java.time.Clock clock) {
        this(clock, batch -> List.of());
    }

    /** With a way to find a batch's requested issuances, for {@link #scheduleBatch}. */
    public InMemoryIssuanceQueue(java.time.Clock clock, Function<BatchId, List<IssuanceId>> requestedInBatch) {
        this.clock = clock;
        this.requestedInBatch = requestedInBatch;
    }

    @Override
    public synchronized void schedule(IssuanceId id, WorkKind kind, Instant dueAt, Lane lane) {
        lanes.putIfAbsent(new Key(id, kind), lane);
        items.merge(new Key(id, kind), new WorkItem(id, kind, 0, dueAt, clock.instant()),
                (old, fresh) -> old.dueAt().isAfter(dueAt) ? new WorkItem(id, kind, old.tries(), dueAt, old.since()) : old);
    }

    @Override
    public void scheduleBatch(BatchId batchId, Instant dueAt) {
        requestedInBatch.apply(batchId).forEach(id -> schedule(id, WorkKind.SUBMIT, dueAt, Lane.BATCH));
    }

    public Optional<Lane> lane(IssuanceId id, WorkKind kind) {
        return Optional.ofNullable(lanes.get(new Key(id, kind)));
    }

    @Override
    public synchronized void retryAt(IssuanceId id, WorkKind kind, Instant dueAt) {
        items.computeIfPresent(new Key(id, kind), (k, old) -> new WorkItem(id, kind, old.tries() + 1, dueAt, old.since()));
    }

    @Override
    public synchronized List<WorkItem> claimDue(WorkKind kind, Instant now, int max, Duration lease) {
        List<WorkItem> due = items.values().stream().filter(i -> i.kind() == kind && !i.dueAt().isAfter(now))
                .sorted(Comparator.comparing((WorkItem i) -> lanes.getOrDefault(new Key(i.issuanceId(), kind), Lane.INTERACTIVE))
                        .thenComparing(WorkItem::dueAt))
                .limit(max).toList();
        due.forEach(i -> items.put(new Key(i.issuanceId(), kind),
                new WorkItem(i.issuanceId(), kind, i.tries(), now.plus(lease), i.since())));
        return due;
    }

    @Override
    public void complete(IssuanceId id, WorkKind kind) {
        items.remove(new Key(id, kind));
        lanes.remove(new Key(id, kind));
    }

    @Override
    public void completeAll(IssuanceId id) {
        items.keySet().removeIf(k -> k.id().equals(id));
        lanes.keySet().removeIf(k -> k.id().equals(id));
    }

    public Optional<WorkItem> find(IssuanceId id, WorkKind kind) {
        return Optional.ofNullable(items.get(new Key(id, kind)));
    }
}
