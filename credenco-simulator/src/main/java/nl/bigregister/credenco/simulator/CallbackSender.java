package nl.bigregister.credenco.simulator;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Posts {@code {correlation_id, status, last_updated}} to an issuance's callback URL for the statuses it
 * asked for, retrying a few times with backoff when the receiver fails. Honours the callback faults.
 */
final class CallbackSender implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CallbackSender.class.getName());
    private static final long[] BACKOFF_MILLIS = {250, 500, 1000, 2000};

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, Thread.ofVirtual().factory());
    private final Faults faults;

    CallbackSender(Faults faults) {
        this.faults = faults;
    }

    void statusChanged(SimulatedIssuance issuance, String status, Instant lastUpdated) {
        if (issuance.callbackUrl.isEmpty() || !issuance.callbackStatuses.contains(status)) {
            return;
        }
        Faults.Settings s = faults.current();
        if (s.dropCallbacks()) {
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("correlation_id", issuance.correlationId);
        body.put("status", status);
        body.put("last_updated", lastUpdated.toEpochMilli());
        // Reordering: hold this report back so the next one overtakes it.
        long delay = s.reorderCallbacks() ? 1500 : 0;
        schedule(issuance.callbackUrl.get(), body, 0, delay);
        if (s.duplicateCallbacks()) {
            schedule(issuance.callbackUrl.get(), body, 0, delay + 100);
        }
    }

    private void schedule(URI url, Map<String, Object> body, int attempt, long delayMillis) {
        scheduler.schedule(() -> post(url, body, attempt), delayMillis, TimeUnit.MILLISECONDS);
    }

    private void post(URI url, Map<String, Object> body, int attempt) {
        try {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JsonHttp.MAPPER.writeValueAsBytes(body))).build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                return;
            }
            retry(url, body, attempt, "HTTP " + status);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                return;
            }
            retry(url, body, attempt, e.getClass().getSimpleName());
        }
    }

    private void retry(URI url, Map<String, Object> body, int attempt, String why) {
        if (attempt < BACKOFF_MILLIS.length && !scheduler.isShutdown()) {
            schedule(url, body, attempt + 1, BACKOFF_MILLIS[attempt]);
        } else {
            LOG.warning(() -> "callback for " + body.get("correlation_id") + " given up: " + why);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
