package nl.bigregister.issuer.adapters.persistence;

import nl.bigregister.issuer.application.IssuancePolicy;
import nl.bigregister.issuer.application.fakes.TestIssuances;
import nl.bigregister.issuer.application.port.out.CredentialIssuer;
import nl.bigregister.issuer.application.port.out.IssuanceEventPublisher;
import nl.bigregister.issuer.application.port.out.OfferRequest;
import nl.bigregister.issuer.application.port.out.WorkItem;
import nl.bigregister.issuer.application.port.out.WorkKind;
import nl.bigregister.issuer.application.service.ExpireOffersService;
import nl.bigregister.issuer.application.service.OfferSubmitter;
import nl.bigregister.issuer.application.service.RetryRequestedIssuancesService;
import nl.bigregister.issuer.application.service.SubmissionGate;
import nl.bigregister.issuer.domain.CorrelationId;
import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.CredentialOffer;
import nl.bigregister.issuer.domain.IssuanceEvent;
import nl.bigregister.issuer.domain.IssuanceId;
import nl.bigregister.issuer.domain.IssuanceStatus;
import nl.bigregister.issuer.domain.RevocationId;
import nl.bigregister.issuer.domain.StatusReport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the application on one real PostgreSQL, each with its own connection pool, running
 * their schedulers at the same time: they claim disjoint work, call Credenco once per due item, and
 * make every transition once.
 */
class TwoInstancesOnPostgresTest {

    static Database first;
    static Database second;

    @BeforeAll
    static void open() {
        first = TestDatabases.postgres();
        second = TestDatabases.postgres();
    }

    @AfterAll
    static void close() {
        first.close();
        second.close();
    }

    /** One instance's parts, on its own pool. */
    record Instance(JpaTransactions transactions, JpaIssuanceRepository repository, JpaIssuanceQueue queue) {
        static Instance on(Database database) {
            JpaTransactions tx = new JpaTransactions(database);
            return new Instance(tx, new JpaIssuanceRepository(tx, TestDatabases.CIPHER), new JpaIssuanceQueue(tx));
        }
    }

    /** Counts the offers asked for, per issuance; slow enough for the two instances to overlap. */
    static final class CountingCredenco implements CredentialIssuer {
        final Map<CorrelationId, Integer> calls = new ConcurrentHashMap<>();

        @Override
        public CredentialOffer createOffer(OfferRequest request) {
            calls.merge(request.correlationId(), 1, Integer::sum);
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return TestIssuances.offer(request.expiresAt());
        }

        @Override
        public StatusReport fetchStatus(CorrelationId correlationId, URI statusUri) {
            throw new UnsupportedOperationException("not used here");
        }

        @Override
        public void revoke(RevocationId revocationId) {
            throw new UnsupportedOperationException("not used here");
        }
    }

    static <T> List<T> inParallel(List<java.util.concurrent.Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (var task : tasks) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return task.call();
                }));
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void claimsOfTwoInstancesAreDisjointAndComplete() throws Exception {
        Instance a = Instance.on(first);
        Instance b = Instance.on(second);
        Instant due = Instant.parse("2031-01-01T00:00:00Z");
        Set<IssuanceId> all = new HashSet<>();
        for (int n = 0; n < 300; n++) {
            CredentialIssuance issuance = TestIssuances.requested();
            a.transactions().run(() -> {
                a.repository().add(issuance);
                a.queue().schedule(issuance.id(), WorkKind.CHECK_STATUS, due);
            });
            all.add(issuance.id());
        }
        List<List<IssuanceId>> claims = inParallel(List.of(claimLoop(a, due), claimLoop(b, due)));

        Set<IssuanceId> byA = new HashSet<>(claims.get(0));
        Set<IssuanceId> byB = new HashSet<>(claims.get(1));
        assertThat(claims.get(0)).doesNotHaveDuplicates();
        assertThat(claims.get(1)).doesNotHaveDuplicates();
        assertThat(Collections.disjoint(byA, byB)).as("no item claimed by both instances").isTrue();
        Set<IssuanceId> union = new HashSet<>(byA);
        union.addAll(byB);
        assertThat(union).containsAll(all);
        assertThat(byA).isNotEmpty();
        assertThat(byB).isNotEmpty();
    }

    private static java.util.concurrent.Callable<List<IssuanceId>> claimLoop(Instance instance, Instant due) {
        return () -> {
            List<IssuanceId> claimed = new ArrayList<>();
            while (true) {
                List<WorkItem> batch = instance.transactions().inTransaction(() -> {
                    List<WorkItem> items = instance.queue().claimDue(WorkKind.CHECK_STATUS, due, 7, Duration.ofHours(1));
                    try {
                        Thread.sleep(3); // hold the locks a moment, so the other instance must skip them
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return items;
                });
                if (batch.isEmpty()) {
                    return claimed;
                }
                batch.forEach(w -> claimed.add(w.issuanceId()));
            }
        };
    }

    @Test
    void twoSchedulersSubmitEachDueIssuanceOnceAndExpireEachOfferOnce() throws Exception {
        Instance a = Instance.on(first);
        Instance b = Instance.on(second);
        CountingCredenco credenco = new CountingCredenco();
        Clock clock = Clock.systemUTC();
        IssuancePolicy policy = IssuancePolicy.defaults();
        List<IssuanceEvent> events = Collections.synchronizedList(new ArrayList<>());
        IssuanceEventPublisher publisher = events::addAll;
        List<IssuanceId> ids = new ArrayList<>();
        for (int n = 0; n < 60; n++) {
            CredentialIssuance issuance = TestIssuances.requested();
            a.transactions().run(() -> {
                a.repository().add(issuance);
                a.queue().schedule(issuance.id(), WorkKind.SUBMIT, Instant.now().minusSeconds(1));
            });
            ids.add(issuance.id());
        }
        RetryRequestedIssuancesService retryA = retryService(a, credenco, publisher, policy, clock);
        RetryRequestedIssuancesService retryB = retryService(b, credenco, publisher, policy, clock);
        AtomicInteger rounds = new AtomicInteger();
        inParallel(List.of(() -> drain(retryA, rounds), () -> drain(retryB, rounds)));

        for (IssuanceId id : ids) {
            CredentialIssuance stored = a.transactions().inTransaction(() -> a.repository().find(id)).orElseThrow();
            assertThat(stored.status()).isEqualTo(IssuanceStatus.OFFERED);
            assertThat(stored.attempts()).as("one retry attempt per due item").hasSize(2);
            assertThat(credenco.calls.get(stored.currentAttempt().correlationId())).isEqualTo(1);
        }
        assertThat(credenco.calls).hasSize(60);

        // Both instances sweep the same expired offers at once: each expires exactly once.
        Clock afterDeadline = Clock.offset(clock, policy.offerTtl().plusMinutes(1));
        ExpireOffersService expireA = new ExpireOffersService(a.repository(), a.queue(), a.transactions(), publisher, afterDeadline);
        ExpireOffersService expireB = new ExpireOffersService(b.repository(), b.queue(), b.transactions(), publisher, afterDeadline);
        events.clear();
        inParallel(List.of(() -> sweep(expireA), () -> sweep(expireB)));
        List<IssuanceId> expired = events.stream().filter(e -> e instanceof IssuanceEvent.Expired)
                .map(IssuanceEvent::issuanceId).filter(ids::contains).toList();
        assertThat(expired).hasSize(60).doesNotHaveDuplicates();
    }

    private static RetryRequestedIssuancesService retryService(Instance i, CredentialIssuer credenco,
                                                               IssuanceEventPublisher publisher, IssuancePolicy policy,
                                                               Clock clock) {
        SubmissionGate gate = SubmissionGate.systemGate(10_000);
        OfferSubmitter submitter = new OfferSubmitter(credenco, i.repository(), i.queue(), i.transactions(), publisher,
                policy, gate, clock);
        return new RetryRequestedIssuancesService(i.repository(), i.queue(), i.transactions(), publisher, submitter,
                policy, gate, clock);
    }

    private static Integer drain(RetryRequestedIssuancesService service, AtomicInteger rounds) {
        int total = 0;
        int done;
        while ((done = service.retryDue(5)) > 0) {
            total += done;
            rounds.incrementAndGet();
        }
        return total;
    }

    private static Integer sweep(ExpireOffersService service) {
        int total = 0;
        int done;
        while ((done = service.expireDue(7)) > 0) {
            total += done;
        }
        return total;
    }
}
