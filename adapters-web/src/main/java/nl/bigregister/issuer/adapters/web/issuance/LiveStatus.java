package nl.bigregister.issuer.adapters.web.issuance;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import nl.bigregister.issuer.application.port.in.GetIssuanceQuery;
import nl.bigregister.issuer.application.port.out.IssuanceEventPublisher;
import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.IssuanceEvent;
import nl.bigregister.issuer.domain.IssuanceId;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Pushes status changes to portals listening on {@code /events}. Changes made here arrive as events at
 * once; changes made by another instance are found by re-reading the followed issuances every second.
 * A heartbeat comment every 15 s keeps proxies from closing quiet streams.
 */
@ApplicationScoped
@Typed(LiveStatus.class) // the composition root decides who publishes events to it
public class LiveStatus implements IssuanceEventPublisher {

    private static final Logger LOG = Logger.getLogger(LiveStatus.class.getName());

    /** One listener: its stream, and what it was sent last. */
    private static final class Listener {
        final SseEventSink sink;
        final Sse sse;
        volatile Instant lastSent;

        Listener(SseEventSink sink, Sse sse) {
            this.sink = sink;
            this.sse = sse;
        }
    }

    private final GetIssuanceQuery getIssuance;
    private final Map<IssuanceId, Set<Listener>> listeners = new ConcurrentHashMap<>();
    private ScheduledFuture<?> refresh;
    private ScheduledFuture<?> heartbeat;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    public LiveStatus(@Unaudited GetIssuanceQuery getIssuance) {
        this.getIssuance = getIssuance;
    }

    protected LiveStatus() {
        this.getIssuance = null; // for CDI's proxy only
    }

    @PostConstruct
    void start() {
        refresh = scheduler.scheduleWithFixedDelay(this::refreshAll, 1, 1, TimeUnit.SECONDS);
        heartbeat = scheduler.scheduleWithFixedDelay(this::heartbeat, 15, 15, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        refresh.cancel(false);
        heartbeat.cancel(false);
        listeners.values().forEach(set -> set.forEach(l -> close(l.sink)));
    }

    /** Sends the current state first (so a reconnecting client is up to date), then every change. */
    void follow(CredentialIssuance current, SseEventSink sink, Sse sse) {
        Listener listener = new Listener(sink, sse);
        if (!send(listener, current)) {
            return;
        }
        listeners.computeIfAbsent(current.id(), id -> ConcurrentHashMap.newKeySet()).add(listener);
        // It may have changed between reading and registering: look once more.
        deliver(current.id());
    }

    @Override
    public void publish(List<IssuanceEvent> events) {
        events.stream().map(IssuanceEvent::issuanceId).distinct().filter(listeners::containsKey).forEach(this::deliver);
    }

    private void refreshAll() {
        listeners.keySet().forEach(this::deliver);
    }

    private void deliver(IssuanceId id) {
        Set<Listener> following = listeners.get(id);
        if (following == null || following.isEmpty()) {
            return;
        }
        try {
            CredentialIssuance now = getIssuance.get(id);
            following.removeIf(l -> !now.updatedAt().equals(l.lastSent) && !send(l, now));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "live status of " + id + " not delivered", e);
        }
        following.removeIf(l -> l.sink.isClosed());
        if (following.isEmpty()) {
            listeners.remove(id, following);
        }
    }

    /** Sends one status event; returns whether the listener still wants more. */
    private boolean send(Listener listener, CredentialIssuance issuance) {
        if (listener.sink.isClosed()) {
            return false;
        }
        OutboundSseEvent event = listener.sse.newEventBuilder()
                .name("status")
                .id(issuance.updatedAt().toString())
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(IssuanceRepresentation.class, IssuanceRepresentation.of(issuance))
                .build();
        listener.lastSent = issuance.updatedAt();
        boolean settled = issuance.status().isSettled();
        // Closed only once the last event is written: nothing more will happen to a settled issuance.
        listener.sink.send(event).whenComplete((ok, failure) -> {
            if (failure != null || settled) {
                close(listener.sink);
            }
        });
        return !settled;
    }

    private void heartbeat() {
        listeners.values().forEach(set -> set.forEach(l -> {
            if (!l.sink.isClosed()) {
                l.sink.send(l.sse.newEventBuilder().comment("heartbeat").build())
                        .whenComplete((ok, failure) -> {
                            if (failure != null) {
                                close(l.sink);
                            }
                        });
            }
        }));
    }

    private static void close(SseEventSink sink) {
        try {
            sink.close();
        } catch (java.io.IOException gone) {
            // the client went away already
        }
    }
}
