package nl.bigregister.issuer.distribution;

import jakarta.json.JsonObject;
import nl.bigregister.credenco.simulator.CredencoApi;
import nl.bigregister.credenco.simulator.CredencoSimulator;
import nl.bigregister.credenco.simulator.SimulatorSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Batch jobs on the packaged jar against the Credenco simulator: the three formats, row validation,
 * duplicates, idempotency, limits, visibility, rate fidelity (scaled down), an outage behind the breaker,
 * and a kill -9 in the middle of a batch.
 */
class BatchIT {

    static final String BATCH_KEY = "batch-it-key";
    static final String OTHER_BATCH_KEY = "batch-it-other-key";
    static final String AUDITOR_KEY = "batch-it-auditor-key";
    static final String PORTAL_KEY = "batch-it-portal-key";
    static final int RATE = 20;

    static CredencoSimulator simulator;
    static RunningIssuer issuer;
    static Api api;

    @BeforeAll
    static void start() throws Exception {
        simulator = CredencoSimulator.start(SimulatorSettings.forTests("batch-credenco-key", Duration.ofMinutes(5)));
        issuer = RunningIssuer.start("batch-it", Map.ofEntries(
                Map.entry("ISSUER_CLIENTS", "jobs:batch:" + PortalIssuanceIT.sha256(BATCH_KEY)
                        + ";other-jobs:batch:" + PortalIssuanceIT.sha256(OTHER_BATCH_KEY)
                        + ";audit:auditor:" + PortalIssuanceIT.sha256(AUDITOR_KEY)
                        + ";portal:portal:" + PortalIssuanceIT.sha256(PORTAL_KEY)),
                Map.entry("CREDENCO_BASE_URL", simulator.baseUrl().toString()),
                Map.entry("CREDENCO_API_KEY", simulator.apiKey()),
                Map.entry("ISSUER_CREDENCO_RATE_LIMIT", String.valueOf(RATE)),
                Map.entry("ISSUER_WORK_LEASE", "PT3S"),
                Map.entry("ISSUER_RETRY_INITIAL_DELAY", "PT1S"),
                Map.entry("ISSUER_RETRY_MAX_DELAY", "PT2S"),
                Map.entry("ISSUER_STATUS_POLL_INTERVAL", "PT30S")));
        api = new Api(issuer);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (issuer != null) {
            issuer.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }

    @AfterEach
    void noFaults() {
        simulator.faults().reset();
    }

    /** Unique BIG numbers, so the simulator's log tells the items apart. */
    static List<String> bigNumbers(int n) {
        long base = 10_000_000_000L + (Math.abs(UUID.randomUUID().getMostSignificantBits()) % 80_000_000_000L);
        return IntStream.range(0, n).mapToObj(i -> String.valueOf(base + i)).toList();
    }

    static String row(String reference, String bigNumber) {
        return """
                {"reference":"%s","bigNumber":"%s","firstName":"Sophie","lastName":"de Vries","profession":"Physiotherapist",\
                "registrationDate":"2026-03-19","validUntil":"2031-03-19"}""".formatted(reference, bigNumber);
    }

    static String jsonBatch(List<String> rows) {
        return "{\"items\":[" + String.join(",", rows) + "]}";
    }

    static List<String> rows(String prefix, List<String> bigNumbers) {
        return IntStream.range(0, bigNumbers.size()).mapToObj(i -> row(prefix + i, bigNumbers.get(i))).toList();
    }

    static JsonObject progress(String id) {
        return api.get("/api/v1/batches/" + id, BATCH_KEY).json();
    }

    static long count(String id, String status) {
        return progress(id).getJsonObject("counts").getJsonNumber(status).longValue();
    }

    @Test
    void aJsonBatchIsValidatedRowByRowAndItsItemsAreOffered() {
        String prefix = "json-" + UUID.randomUUID() + "-";
        List<String> numbers = bigNumbers(2);
        Api.Answer answer = api.post("/api/v1/batches", BATCH_KEY, jsonBatch(List.of(row(prefix + 0, numbers.get(0)),
                "{\"reference\":\"" + prefix + "1\",\"bigNumber\":\"123\"}", row(prefix + 2, numbers.get(1)))));

        assertThat(answer.status()).isEqualTo(202);
        JsonObject receipt = answer.json();
        String id = receipt.getString("id");
        assertThat(answer.header("Location")).endsWith("/api/v1/batches/" + id);
        assertThat(receipt.getInt("accepted")).isEqualTo(2);
        JsonObject rejected = receipt.getJsonArray("rejected").getJsonObject(0);
        assertThat(rejected.getInt("index")).isEqualTo(1);
        assertThat(rejected.getString("reference")).isEqualTo(prefix + 1);
        assertThat(rejected.getJsonArray("errors").getValuesAs(JsonObject.class)).extracting(e -> e.getString("field"))
                .contains("bigNumber", "firstName", "profession");

        await().atMost(Duration.ofSeconds(15)).until(() -> count(id, "offered") == 2);
        JsonObject progress = progress(id);
        assertThat(progress.getInt("total")).isEqualTo(2);
        assertThat(progress.getJsonObject("counts").keySet()).containsExactlyInAnyOrder("requested", "offered",
                "offer_retrieved", "issued", "failed", "expired", "cancelled", "revoked");
        assertThat(progress.getBoolean("done")).isFalse();

        JsonObject items = api.get("/api/v1/batches/" + id + "/items?status=offered&limit=1", BATCH_KEY).json();
        JsonObject item = items.getJsonArray("items").getJsonObject(0);
        assertThat(item.getString("batchId")).isEqualTo(id);
        assertThat(item.getString("reference")).startsWith(prefix);
        assertThat(item.getJsonObject("offer").getString("uri")).startsWith("openid-credential-offer://");
        assertThat(items.getString("nextCursor")).isNotBlank();
    }

    @Test
    void ndjsonAndCsvAreAcceptedToo() {
        List<String> numbers = bigNumbers(2);
        String prefix = "fmt-" + UUID.randomUUID() + "-";
        Api.Answer ndjson = api.post("/api/v1/batches", BATCH_KEY, "application/x-ndjson",
                row(prefix + "n", numbers.get(0)) + "\n");
        assertThat(ndjson.status()).isEqualTo(202);
        assertThat(ndjson.json().getInt("accepted")).isEqualTo(1);
        Api.Answer csv = api.post("/api/v1/batches", BATCH_KEY, "text/csv; charset=utf-8", """
                reference,bigNumber,firstName,lastName,profession,specialism,registrationDate,validUntil
                %sc,%s,Sophie,de Vries,Fysiotherapeut,,2026-03-19,2031-03-19
                %sd,%s,Sophie,de Vries,Physiotherapist,,2026-03-19,2026-01-01
                """.formatted(prefix, numbers.get(1), prefix, numbers.get(1)));
        assertThat(csv.status()).isEqualTo(202);
        assertThat(csv.json().getInt("accepted")).isEqualTo(1);
        assertThat(csv.json().getJsonArray("rejected").getJsonObject(0).getJsonArray("errors").getJsonObject(0)
                .getString("field")).isEqualTo("validUntil");
    }

    @Test
    void runningTheSameBatchFileAgainNeverIssuesTwice() {
        String body = jsonBatch(rows("dup-" + UUID.randomUUID() + "-", bigNumbers(3)));
        assertThat(api.post("/api/v1/batches", BATCH_KEY, body).json().getInt("accepted")).isEqualTo(3);
        JsonObject again = api.post("/api/v1/batches", BATCH_KEY, body).json();
        assertThat(again.getInt("accepted")).isZero();
        assertThat(again.getJsonArray("rejected")).hasSize(3);
        assertThat(again.getJsonArray("rejected").getJsonObject(0).toString()).contains("submitted before");
    }

    @Test
    void anIdempotencyKeyReturnsTheFirstAnswerAndRefusesAnotherBody() {
        String key = UUID.randomUUID().toString();
        String body = jsonBatch(rows("idem-" + key + "-", bigNumbers(2)));
        Api.Answer first = api.post("/api/v1/batches", BATCH_KEY, "application/json", body, Map.of("Idempotency-Key", key));
        Api.Answer again = api.post("/api/v1/batches", BATCH_KEY, "application/json", body, Map.of("Idempotency-Key", key));
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");

        Api.Answer other = api.post("/api/v1/batches", BATCH_KEY, "application/json",
                jsonBatch(rows("idem-other-", bigNumbers(1))), Map.of("Idempotency-Key", key));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
    }

    @Test
    void tooManyItemsIsA413AndNothingIsStored() {
        String rows = "{}\n".repeat(100_001);
        Api.Answer answer = api.post("/api/v1/batches", BATCH_KEY, "application/x-ndjson", rows);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void malformedBatchesAreA400() {
        assertThat(api.post("/api/v1/batches", BATCH_KEY, "{\"items\":[{\"reference\":").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/batches", BATCH_KEY, "text/csv", "reference,bigNumber\n\"unclosed,1\n").status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/batches", BATCH_KEY, "text/plain", "x").status()).isEqualTo(415);
    }

    @Test
    void aBatchIsVisibleToItsCreatorAdminAndAuditorOnly() {
        String id = api.post("/api/v1/batches", BATCH_KEY, jsonBatch(rows("vis-" + UUID.randomUUID() + "-", bigNumbers(1))))
                .json().getString("id");
        assertThat(api.get("/api/v1/batches/" + id, BATCH_KEY).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/batches/" + id, AUDITOR_KEY).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/batches/" + id, OTHER_BATCH_KEY).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/batches/" + id + "/items", OTHER_BATCH_KEY).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/batches/" + id + "/cancel", OTHER_BATCH_KEY, "").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/batches/" + id, PORTAL_KEY).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/batches", PORTAL_KEY, "{\"items\":[]}").status()).isEqualTo(403);
    }

    @Test
    void dispatchKeepsToTheRateLimitAndCancelStopsWhatIsLeft() {
        // Six seconds of calls: long enough that one slow moment of a busy machine does not decide the rate.
        List<String> numbers = bigNumbers(120);
        Instant before = Instant.now();
        String id = api.post("/api/v1/batches", BATCH_KEY, jsonBatch(rows("rate-" + UUID.randomUUID() + "-", numbers)))
                .json().getString("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> count(id, "offered") == 120);

        List<Instant> calls = simulator.issueCalls().stream().filter(c -> numbers.contains(c.bigNumber()))
                .map(CredencoApi.IssueCall::at).sorted().toList();
        assertThat(calls).hasSize(120);
        for (Instant start : calls) {
            long inWindow = calls.stream().filter(t -> !t.isBefore(start) && t.isBefore(start.plusSeconds(1))).count();
            assertThat(inWindow).as("calls in the second after %s", start).isLessThanOrEqualTo((long) (RATE * 1.05));
        }
        double seconds = Duration.between(calls.getFirst(), calls.getLast()).toMillis() / 1000.0;
        // At this scaled-down limit the batch's share is 19 of 20 calls a second (one is kept for portal
        // starts), and a busy CI machine adds jitter: this checks that dispatch keeps going near the limit.
        // The sustained target itself (95% at 50 and 200/s) is measured by bench/batch.sh.
        assertThat(119 / seconds).as("sustained rate").isGreaterThanOrEqualTo(RATE * 0.8);
        assertThat(calls.getFirst()).isAfter(before);

        // A second batch, cancelled while it is being dispatched: what is not offered yet is cancelled.
        String second = api.post("/api/v1/batches", BATCH_KEY, jsonBatch(rows("cancel-" + UUID.randomUUID() + "-", bigNumbers(60))))
                .json().getString("id");
        JsonObject cancelled = api.post("/api/v1/batches/" + second + "/cancel", BATCH_KEY, "").json();
        assertThat(cancelled.getInt("cancelled")).isGreaterThan(30);
        await().atMost(Duration.ofSeconds(10)).until(() -> count(second, "requested") == 0);
        assertThat(count(second, "cancelled") + count(second, "offered")).isEqualTo(60);
    }

    @Test
    void anOutageOpensTheBreakerInsteadOfBurningAttempts() {
        simulator.faults().outageFor(Duration.ofSeconds(5));
        List<String> numbers = bigNumbers(40);
        String id = api.post("/api/v1/batches", BATCH_KEY, jsonBatch(rows("outage-" + UUID.randomUUID() + "-", numbers)))
                .json().getString("id");
        await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(5)).until(() -> true);
        long duringOutage = simulator.issueCalls().stream().filter(c -> numbers.contains(c.bigNumber())).count();
        assertThat(duringOutage).as("calls while Credenco was down").isLessThanOrEqualTo(12);

        await().atMost(Duration.ofSeconds(30)).until(() -> count(id, "offered") == 40);
        assertThat(count(id, "failed")).isZero();
    }

    @Test
    void aKillMidBatchLosesNothingAndDoublesOnlyWhatWasInFlight() throws Exception {
        List<String> numbers = bigNumbers(100);
        String id = api.post("/api/v1/batches", BATCH_KEY, jsonBatch(rows("crash-" + UUID.randomUUID() + "-", numbers)))
                .json().getString("id");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                simulator.issueCalls().stream().filter(c -> numbers.contains(c.bigNumber())).count() >= 30);

        issuer.kill();
        long beforeCrash = simulator.issueCalls().stream().filter(c -> numbers.contains(c.bigNumber())).count();
        assertThat(beforeCrash).isLessThan(100);
        issuer.restart();

        await().atMost(Duration.ofSeconds(60)).until(() -> count(id, "requested") == 0);
        JsonObject progress = progress(id);
        assertThat(count(id, "offered") + count(id, "failed")).as("every item ends offered or failed").isEqualTo(100);
        assertThat(count(id, "failed")).isZero();

        Map<String, Long> callsPerItem = simulator.issueCalls().stream().filter(c -> numbers.contains(c.bigNumber()))
                .collect(Collectors.groupingBy(CredencoApi.IssueCall::bigNumber, Collectors.counting()));
        assertThat(callsPerItem.keySet()).as("none lost").hasSize(100);
        List<String> doubled = new ArrayList<>(callsPerItem.entrySet().stream().filter(e -> e.getValue() > 1)
                .map(Map.Entry::getKey).toList());
        // Only items in flight at the kill may have reached Credenco twice: at most the dispatch concurrency.
        assertThat(doubled).as("items that reached Credenco twice").hasSizeLessThanOrEqualTo(8);
        assertThat(progress.getInt("total")).isEqualTo(100);
    }

}
