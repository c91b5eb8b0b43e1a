package nl.bigregister.issuer.distribution;

import jakarta.json.JsonObject;
import nl.bigregister.credenco.simulator.CredencoSimulator;
import nl.bigregister.credenco.simulator.SimulatorSettings;
import nl.bigregister.credenco.wallet.TestWallet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The audit trail end to end: every action with its actor and outcome, refusals, roles, CSV, pages, verify. */
class AuditIT {

    static final String PORTAL_KEY = "audit-portal-key";
    static final String AUDITOR_KEY = "audit-auditor-key";
    static final String ADMIN_KEY = "audit-admin-key";
    static final String BATCH_KEY = "audit-batch-key";

    static CredencoSimulator simulator;
    static RunningIssuer issuer;
    static Api api;

    @BeforeAll
    static void start() throws Exception {
        simulator = CredencoSimulator.start(SimulatorSettings.forTests("audit-credenco-key", Duration.ofMinutes(5)));
        issuer = RunningIssuer.start("audit-it", Map.of(
                "ISSUER_CLIENTS", "portal-1:portal:" + PortalIssuanceIT.sha256(PORTAL_KEY)
                        + ";auditor-1:auditor:" + PortalIssuanceIT.sha256(AUDITOR_KEY)
                        + ";ops:admin:" + PortalIssuanceIT.sha256(ADMIN_KEY)
                        + ";jobs:batch:" + PortalIssuanceIT.sha256(BATCH_KEY),
                "CREDENCO_BASE_URL", simulator.baseUrl().toString(),
                "CREDENCO_API_KEY", simulator.apiKey(),
                "ISSUER_STATUS_POLL_INTERVAL", "PT1S"));
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

    static String bigNumber() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(10_000_000_000L, 99_999_999_999L));
    }

    static List<JsonObject> events(String query) {
        Api.Answer answer = api.get("/api/v1/audit/events?limit=1000&" + query, AUDITOR_KEY);
        assertThat(answer.status()).isEqualTo(200);
        return answer.json().getJsonArray("items").getValuesAs(JsonObject.class);
    }

    static List<String> actions(List<JsonObject> events) {
        return events.stream().map(e -> e.getString("action")).toList();
    }

    @Test
    void anIssuanceLeavesAnEventPerStepWithWhoDidItForWhomAndFromWhere() {
        String bigNumber = bigNumber();
        Api.Answer started = api.post("/api/v1/issuances", PORTAL_KEY, "application/json", """
                {"bigNumber":"%s","firstName":"Sophie","lastName":"de Vries","profession":"Physiotherapist",
                 "registrationDate":"2026-03-19","validUntil":"2031-03-19"}""".formatted(bigNumber),
                Map.of("X-On-Behalf-Of", "digid:sophie-session-42"));
        String id = started.json().getString("id");
        new TestWallet().receive(started.json().getJsonObject("offer").getString("uri"));
        await().atMost(Duration.ofSeconds(10)).until(() ->
                actions(events("issuanceId=" + id)).contains("credential_issued"));
        assertThat(api.get("/api/v1/issuances/" + id, AUDITOR_KEY).status()).isEqualTo(200);

        List<JsonObject> trail = events("subject=" + bigNumber);
        // offer_retrieved may not be seen: a status check that finds the credential issued goes there directly.
        assertThat(actions(trail)).containsSubsequence("issuance_requested", "offer_created", "credential_issued",
                "issuance_read");
        JsonObject requested = trail.getFirst();
        assertThat(requested.getString("actor")).isEqualTo("portal-1");
        assertThat(requested.getString("onBehalfOf")).isEqualTo("digid:sophie-session-42");
        assertThat(requested.getString("sourceAddress")).isEqualTo("127.0.0.1");
        assertThat(requested.getString("issuanceId")).isEqualTo(id);
        assertThat(requested.getString("correlationId")).startsWith("big-");
        assertThat(requested.getString("outcome")).isEqualTo("success");
        JsonObject issued = trail.stream().filter(e -> e.getString("action").equals("credential_issued")).findFirst().orElseThrow();
        assertThat(issued.getString("actor")).isEqualTo("credenco");
        JsonObject read = trail.getLast();
        assertThat(read.getString("actor")).isEqualTo("auditor-1");
        assertThat(trail.toString()).doesNotContain("Sophie").doesNotContain("Vries").doesNotContain(PORTAL_KEY);
    }

    @Test
    void theServerLogHoldsNoNamesAndNoKeys() throws Exception {
        String bigNumber = bigNumber();
        api.post("/api/v1/issuances", PORTAL_KEY, """
                {"bigNumber":"%s","firstName":"Annemarie","lastName":"Zwanenburg","profession":"Midwife",
                 "registrationDate":"2026-03-19","validUntil":"2031-03-19"}""".formatted(bigNumber));
        api.post("/api/v1/issuances", "wrong-key-for-the-log", "{}");
        String log = java.nio.file.Files.readString(issuer.log());
        assertThat(log).isNotBlank().doesNotContain("Annemarie").doesNotContain("Zwanenburg").doesNotContain("Sophie")
                .doesNotContain(PORTAL_KEY).doesNotContain("wrong-key-for-the-log").doesNotContain(simulator.apiKey());
    }

    @Test
    void refusalsAreRecordedWithTheirOutcome() {
        String id = api.post("/api/v1/issuances", PORTAL_KEY, """
                {"bigNumber":"%s","firstName":"S","lastName":"V","profession":"Nurse",
                 "registrationDate":"2026-03-19","validUntil":"2031-03-19"}""".formatted(bigNumber())).json().getString("id");
        assertThat(api.get("/api/v1/audit/events", PORTAL_KEY).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/audit/verify", "stolen-key").status()).isEqualTo(401);
        assertThat(api.post("/api/v1/issuances/" + id + "/revoke", ADMIN_KEY, "{\"reason\":\"x\"}").status()).isEqualTo(409);

        List<JsonObject> refused = events("action=access_refused");
        assertThat(refused).anySatisfy(e -> {
            assertThat(e.getString("outcome")).isEqualTo("403");
            assertThat(e.getString("actor")).isEqualTo("portal-1");
            assertThat(e.getString("detail")).contains("GET /api/v1/audit/events");
        });
        assertThat(refused).anySatisfy(e -> {
            assertThat(e.getString("outcome")).isEqualTo("401");
            assertThat(e.getString("actor")).isEqualTo("anonymous");
        });
        assertThat(refused).anySatisfy(e -> {
            assertThat(e.getString("outcome")).isEqualTo("409");
            assertThat(e.getString("actor")).isEqualTo("ops");
            assertThat(e.getString("issuanceId")).isEqualTo(id);
        });
    }

    @Test
    void onlyAuditorsAndAdminsReadTheTrailAndTheirQueriesAreRecordedToo() {
        for (String key : List.of(PORTAL_KEY, BATCH_KEY)) {
            assertThat(api.get("/api/v1/audit/events", key).status()).isEqualTo(403);
            assertThat(api.get("/api/v1/audit/verify", key).status()).isEqualTo(403);
        }
        assertThat(api.get("/api/v1/audit/events", ADMIN_KEY).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/audit/verify", ADMIN_KEY).status()).isEqualTo(200);
        api.get("/api/v1/audit/events?actor=nobody-in-particular", AUDITOR_KEY);
        assertThat(events("action=audit_queried")).anySatisfy(e ->
                assertThat(e.getString("detail")).contains("actor=nobody-in-particular"));
        assertThat(api.get("/api/v1/audit/events?action=dancing&limit=0&from=yesterday", AUDITOR_KEY).status()).isEqualTo(400);
    }

    @Test
    void pagesFollowEachOtherAndCsvExportsEveryMatchingEvent() {
        String bigNumber = bigNumber();
        for (int i = 0; i < 3; i++) {
            api.post("/api/v1/issuances", PORTAL_KEY, """
                    {"bigNumber":"%s","firstName":"S","lastName":"V","profession":"Nurse",
                     "registrationDate":"2026-03-19","validUntil":"2031-03-19"}""".formatted(bigNumber));
        }
        JsonObject first = api.get("/api/v1/audit/events?subject=" + bigNumber + "&limit=2", AUDITOR_KEY).json();
        assertThat(first.getJsonArray("items")).hasSize(2);
        String cursor = first.getString("nextCursor");
        JsonObject second = api.get("/api/v1/audit/events?subject=" + bigNumber + "&limit=2&cursor=" + cursor, AUDITOR_KEY).json();
        assertThat(second.getJsonArray("items").getJsonObject(0).getJsonNumber("sequence").longValue())
                .isGreaterThan(Long.parseLong(cursor));
        // Three starts, each requested and offered; the two page queries about this subject are in the trail too.
        assertThat(actions(events("subject=" + bigNumber))).containsExactly("issuance_requested", "offer_created",
                "issuance_requested", "offer_created", "issuance_requested", "offer_created", "audit_queried", "audit_queried");

        Api.Answer csv = api.get("/api/v1/audit/events?subject=" + bigNumber + "&action=issuance_requested", AUDITOR_KEY,
                Map.of("Accept", "text/csv"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.getFirst()).startsWith("sequence,id,occurredAt,action,outcome,actor");
        assertThat(lines).hasSize(1 + 3);
        assertThat(lines.get(1)).contains(bigNumber).contains("issuance_requested").contains("portal-1");
    }

    @Test
    void theChainVerifies() {
        JsonObject verification = api.get("/api/v1/audit/verify", AUDITOR_KEY).json();
        assertThat(verification.getBoolean("valid")).isTrue();
        assertThat(verification.getJsonNumber("events").longValue()).isPositive();
        assertThat(verification.getString("head")).hasSize(64);
        assertThat(events("action=audit_verified")).isNotEmpty();
    }
}
