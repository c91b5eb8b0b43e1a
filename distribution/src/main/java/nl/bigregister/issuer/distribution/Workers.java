package nl.bigregister.issuer.distribution;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.bigregister.issuer.application.port.in.CompleteRevocationsUseCase;
import nl.bigregister.issuer.application.port.in.ExpireOffersUseCase;
import nl.bigregister.issuer.application.port.in.PurgeClaimsUseCase;
import nl.bigregister.issuer.application.port.in.RetryRequestedIssuancesUseCase;
import nl.bigregister.issuer.application.port.in.TrackOfferStatusUseCase;
import nl.bigregister.issuer.application.port.out.Caller;
import nl.bigregister.issuer.application.port.out.CallerContext;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the due work of this instance on a fixed tick (and at once when woken by a callback): retries,
 * status checks, expiry and revocations. Every instance runs it; the queue keeps them from doing the same
 * item twice. Each round takes a bounded batch, so one slow round cannot starve the next.
 */
@ApplicationScoped
@ManagedExecutorDefinition(name = Workers.DISPATCH_EXECUTOR, maxAsync = 64)
public class Workers {

    /** The dispatch loops' own pool: the server's default one is small and shared with everything else. */
    static final String DISPATCH_EXECUTOR = "java:app/concurrent/Dispatch";

    private static final Logger LOG = Logger.getLogger(Workers.class.getName());
    static final int BATCH = 50;
    static final int MAX_DISPATCH_BATCH = 25;

    private final RetryRequestedIssuancesUseCase retries;
    private final TrackOfferStatusUseCase statusChecks;
    private final ExpireOffersUseCase expiry;
    private final CompleteRevocationsUseCase revocations;
    private final PurgeClaimsUseCase purge;
    private final Duration tick;
    private final int dispatchConcurrency;
    private final int dispatchBatch;
    private final CallerContext callers;
    private final AtomicInteger dispatching = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean wakeRequested = new AtomicBoolean();
    private ScheduledFuture<?> schedule;

    @Resource
    ManagedScheduledExecutorService executor;

    @Resource(lookup = DISPATCH_EXECUTOR)
    ManagedExecutorService dispatchExecutor;

    @Inject
    public Workers(RetryRequestedIssuancesUseCase retries, TrackOfferStatusUseCase statusChecks,
                   ExpireOffersUseCase expiry, CompleteRevocationsUseCase revocations, IssuerSettings settings,
                   CallerContext callers, PurgeClaimsUseCase purge) {
        this.retries = retries;
        this.statusChecks = statusChecks;
        this.expiry = expiry;
        this.revocations = revocations;
        this.tick = settings.workTick();
        this.dispatchConcurrency = settings.dispatchConcurrency();
        this.dispatchBatch = dispatchBatch(settings.credencoRateLimit(), dispatchConcurrency);
        this.callers = callers;
        this.purge = purge;
    }

    protected Workers() {
        this.retries = null;
        this.statusChecks = null;
        this.expiry = null;
        this.revocations = null;
        this.tick = null;
        this.dispatchConcurrency = 0;
        this.dispatchBatch = 0;
        this.callers = null;
        this.purge = null; // for CDI's proxy only
    }

    void start() {
        schedule = executor.scheduleWithFixedDelay(this::safeRound, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Something became due now (a callback came in): run a round soon rather than at the next tick. */
    public void wake() {
        if (wakeRequested.compareAndSet(false, true)) {
            executor.execute(this::safeRound);
        }
    }

    /** A round that throws would end the fixed-delay schedule for good: nothing may escape it. */
    private void safeRound() {
        try {
            round();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "work round failed; the next one runs at the next tick", e);
        }
    }

    private void round() {
        wakeRequested.set(false);
        if (!running.compareAndSet(false, true)) {
            return; // a round is running; it will see what is due
        }
        try {
            startDispatchers();
            // What a status check applies is Credenco's word: the audit trail names it as the actor.
            drain("status checks", max -> callers.as(Caller.CREDENCO, () -> statusChecks.checkDue(max)));
            drain("expiry", expiry::expireDue);
            drain("revocations", revocations::revokeDue);
            drain("retention", purge::purgeDue);
        } finally {
            running.set(false);
        }
    }

    /**
     * Submissions (batch items, retries) run in up to {@code dispatchConcurrency} loops, so calls to a slow
     * Credenco overlap; each loop takes a few items at a time and the gate paces them all.
     */
    private void startDispatchers() {
        int active;
        while ((active = dispatching.get()) < dispatchConcurrency) {
            if (dispatching.compareAndSet(active, active + 1)) {
                dispatchExecutor.execute(this::dispatchLoop);
            }
        }
    }

    /** Submits due items until none is left (or the gate closes); then this loop ends until the next tick. */
    private void dispatchLoop() {
        try {
            int done;
            do {
                done = 0;
                try {
                    done = retries.retryDue(dispatchBatch);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "dispatch failed; it is tried again next tick", e);
                }
            } while (done > 0);
        } finally {
            dispatching.decrementAndGet();
        }
    }

    /**
     * How many items a dispatch loop claims at a time: what all loops together send in about half a second
     * at the rate limit. Claiming one at a time cost a transaction per call; claiming more would hold items
     * that wait for their rate slot longer, away from other instances.
     */
    static int dispatchBatch(double ratePerSecond, int concurrency) {
        return (int) Math.max(1, Math.min(MAX_DISPATCH_BATCH, Math.floor(ratePerSecond / 2 / concurrency)));
    }

    private static void drain(String what, IntUnaryOperator work) {
        try {
            work.applyAsInt(BATCH);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, what + " round failed; it is tried again next tick", e);
        }
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }
}
