package nl.bigregister.issuer.distribution;

import jakarta.json.JsonObject;
import nl.bigregister.credenco.simulator.CredencoSimulator;
import nl.bigregister.credenco.simulator.Faults;
import nl.bigregister.credenco.simulator.SimulatorSettings;
import nl.bigregister.credenco.wallet.QrCodeReader;
import nl.bigregister.credenco.wallet.ReceivedCredential;
import nl.bigregister.credenco.wallet.TestWallet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole story on real parts: the packaged jar on Payara Micro, the Credenco simulator (its API and a
 * real OpenID4VCI issuer), and the test wallet scanning the QR code. Callbacks late, doubled, reordered
 * or lost; outages; expiry, renew, cancel, revoke, struck off; live status; the 409 and 403 cases.
 */
class CredentialJourneyIT {

    static final String PORTAL_KEY = "journey-portal-key";
    static final String ADMIN_KEY = "journey-admin-key";
    static final String AUDITOR_KEY = "journey-auditor-key";

    static CredencoSimulator simulator;
    static RunningIssuer issuer;
    static Api api;
    final TestWallet wallet = new TestWallet();

    @BeforeAll
    static void start() throws Exception {
        simulator = CredencoSimulator.start(SimulatorSettings.forTests("journey-credenco-key", Duration.ofMinutes(5)));
        int port = RunningIssuer.freePort();
        issuer = RunningIssuer.start("journey-it", Map.ofEntries(
                Map.entry("ISSUER_CLIENTS", "portal-1:portal:" + PortalIssuanceIT.sha256(PORTAL_KEY)
                        + ";ops:admin:" + PortalIssuanceIT.sha256(ADMIN_KEY)
                        + ";audit-1:auditor:" + PortalIssuanceIT.sha256(AUDITOR_KEY)),
                Map.entry("CREDENCO_BASE_URL", simulator.baseUrl().toString()),
                Map.entry("CREDENCO_API_KEY", simulator.apiKey()),
                Map.entry("ISSUER_OFFER_TTL", "PT8S"),
                Map.entry("ISSUER_STATUS_POLL_INTERVAL", "PT1S"),
                Map.entry("ISSUER_STATUS_POLL_MAX_INTERVAL", "PT2S"),
                Map.entry("ISSUER_RETRY_INITIAL_DELAY", "PT1S"),
                Map.entry("ISSUER_RETRY_MAX_DELAY", "PT2S")));
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

    static String randomBigNumber() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(10_000_000_000L, 99_999_999_999L));
    }

    static String registration(String bigNumber) {
        return """
                {"bigNumber":"%s","firstName":"Sophie","lastName":"de Vries","profession":"Physiotherapist",
                 "specialism":"Sports Physiotherapy","registrationDate":"2026-03-19","validUntil":"2031-03-19"}"""
                .formatted(bigNumber);
    }

    static JsonObject startIssuance(String bigNumber) {
        Api.Answer started = api.post("/api/v1/issuances", PORTAL_KEY, registration(bigNumber));
        assertThat(started.status()).isEqualTo(201);
        return started.json();
    }

    static String statusOf(String id) {
        return api.get("/api/v1/issuances/" + id, PORTAL_KEY).json().getString("status");
    }

    static void awaitStatus(String id, String status, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(200)).until(() -> statusOf(id).equals(status));
    }

    JsonObject issued(String bigNumber) {
        JsonObject offered = startIssuance(bigNumber);
        wallet.receive(offered.getJsonObject("offer").getString("uri"));
        awaitStatus(offered.getString("id"), "issued", Duration.ofSeconds(10));
        return offered;
    }

    @Test
    void sophieScansTheQrCodeAndHerCredentialLandsInHerWallet() throws Exception {
        JsonObject offered = startIssuance("29065432101");
        String id = offered.getString("id");
        String offerUri = offered.getJsonObject("offer").getString("uri");
        assertThat(QrCodeReader.readDataUri(offered.getJsonObject("offer").getString("qrCode"))).isEqualTo(offerUri);

        try (SseListener live = new SseListener(issuer.uri("/api/v1/issuances/" + id + "/events"), PORTAL_KEY)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> live.statuses().contains("offered"));

            ReceivedCredential credential = wallet.receive(offerUri);
            assertThat(credential.claims()).containsEntry("first_name", "Sophie").containsEntry("big_number", "29065432101")
                    .containsEntry("profession", "Physiotherapist");

            awaitStatus(id, "issued", Duration.ofSeconds(5));
            await().atMost(Duration.ofSeconds(5)).until(() -> live.ended.isDone());
            assertThat(live.contentType()).startsWith("text/event-stream");
            assertThat(live.statuses()).startsWith("offered").endsWith("issued");
            assertThat(live.statuses()).containsSubsequence("offered", "issued");
            assertThat(wallet.isRevoked(credential)).isFalse();

            Api.Answer revoked = api.post("/api/v1/issuances/" + id + "/revoke", ADMIN_KEY, "{\"reason\":\"demo\"}");
            assertThat(revoked.status()).isEqualTo(200);
            assertThat(revoked.json().getString("status")).isEqualTo("revoked");
            assertThat(revoked.json().getJsonObject("revocation").getBoolean("pending")).isFalse();
            assertThat(wallet.isRevoked(credential)).as("the status list shows it revoked").isTrue();
        }
    }

    @Test
    void aListenerThatReconnectsGetsTheCurrentStateFirstAndASettledOneIsClosed() {
        JsonObject issued = issued(randomBigNumber());
        try (SseListener late = new SseListener(issuer.uri("/api/v1/issuances/" + issued.getString("id") + "/events"), PORTAL_KEY)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> late.ended.isDone());
            assertThat(late.statuses()).containsExactly("issued");
        }
    }

    @Test
    void lostCallbacksAreMadeUpForByPolling() {
        simulator.faults().set(new Faults.Settings(0, 0, 0, 1, Instant.EPOCH, true, false, false));
        JsonObject offered = startIssuance(randomBigNumber());
        wallet.receive(offered.getJsonObject("offer").getString("uri"));
        awaitStatus(offered.getString("id"), "issued", Duration.ofSeconds(10));
    }

    @Test
    void duplicatedAndReorderedCallbacksChangeNothingTwice() {
        simulator.faults().set(new Faults.Settings(0, 0, 0, 1, Instant.EPOCH, false, true, true));
        JsonObject offered = startIssuance(randomBigNumber());
        String id = offered.getString("id");
        wallet.receive(offered.getJsonObject("offer").getString("uri"));
        awaitStatus(id, "issued", Duration.ofSeconds(10));
        // The held-back reports of earlier statuses arrive after completion: nothing moves back.
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> true);
        assertThat(statusOf(id)).isEqualTo("issued");
    }

    @Test
    void forgedCallbacksAreNotFound() {
        Api.Answer forged = api.post("/callbacks/credenco/" + "A".repeat(43), null, "{\"status\":\"issue_completed\"}");
        assertThat(forged.status()).isEqualTo(404);
        assertThat(api.post("/callbacks/credenco/not-a-token!", null, "{}").status()).isEqualTo(404);
    }

    @Test
    void anOutageIsWaitedOutAndTheRequestBecomesAnOffer() {
        simulator.faults().outageFor(Duration.ofSeconds(3));
        Api.Answer accepted = api.post("/api/v1/issuances", PORTAL_KEY, registration(randomBigNumber()));
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.json().getString("status")).isEqualTo("requested");
        String id = accepted.json().getString("id");
        awaitStatus(id, "offered", Duration.ofSeconds(15));
        JsonObject offered = api.get("/api/v1/issuances/" + id, PORTAL_KEY).json();
        wallet.receive(offered.getJsonObject("offer").getString("uri"));
        awaitStatus(id, "issued", Duration.ofSeconds(10));
    }

    @Test
    void anUnscannedOfferExpiresAndIsRenewedWithANewOffer() {
        JsonObject offered = startIssuance(randomBigNumber());
        String id = offered.getString("id");
        awaitStatus(id, "expired", Duration.ofSeconds(15));
        assertThat(api.get("/api/v1/issuances/" + id, PORTAL_KEY).json()).doesNotContainKey("offer");

        Api.Answer renewed = api.post("/api/v1/issuances/" + id + "/renew", PORTAL_KEY, "");
        assertThat(renewed.status()).isEqualTo(201);
        assertThat(renewed.json().getString("status")).isEqualTo("offered");
        String newOffer = renewed.json().getJsonObject("offer").getString("uri");
        assertThat(newOffer).isNotEqualTo(offered.getJsonObject("offer").getString("uri"));
        wallet.receive(newOffer);
        awaitStatus(id, "issued", Duration.ofSeconds(10));
    }

    @Test
    void aCancelledOfferStaysCancelledWhateverCredencoSaysLater() {
        JsonObject offered = startIssuance(randomBigNumber());
        String id = offered.getString("id");
        Api.Answer cancelled = api.post("/api/v1/issuances/" + id + "/cancel", PORTAL_KEY, "");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().getString("status")).isEqualTo("cancelled");

        wallet.receive(offered.getJsonObject("offer").getString("uri"));
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
        assertThat(statusOf(id)).isEqualTo("cancelled");
    }

    @Test
    void aRevocationWhileCredencoIsDownIsPendingUntilItGoesThrough() {
        JsonObject issued = issued(randomBigNumber());
        String id = issued.getString("id");
        simulator.faults().outageFor(Duration.ofSeconds(3));

        Api.Answer pending = api.post("/api/v1/issuances/" + id + "/revoke", ADMIN_KEY, "{\"reason\":\"registration suspended\"}");
        assertThat(pending.status()).isEqualTo(202);
        assertThat(pending.json().getString("status")).isEqualTo("issued");
        assertThat(pending.json().getJsonObject("revocation").getBoolean("pending")).isTrue();
        assertThat(pending.json().getJsonObject("revocation").getString("reason")).isEqualTo("registration suspended");

        awaitStatus(id, "revoked", Duration.ofSeconds(15));
    }

    @Test
    void strikingAProfessionalOffRevokesAndCancelsEverything() {
        String bigNumber = randomBigNumber();
        JsonObject issued = issued(bigNumber);
        JsonObject open = startIssuance(bigNumber);

        Api.Answer answer = api.post("/api/v1/professionals/" + bigNumber + "/revocations", ADMIN_KEY,
                "{\"reason\":\"struck off the BIG register\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().getJsonArray("revoked").getString(0)).isEqualTo(issued.getString("id"));
        assertThat(answer.json().getJsonArray("cancelled").getString(0)).isEqualTo(open.getString("id"));
        assertThat(statusOf(issued.getString("id"))).isEqualTo("revoked");
        assertThat(statusOf(open.getString("id"))).isEqualTo("cancelled");
        assertThat(api.post("/api/v1/professionals/" + bigNumber + "/revocations", PORTAL_KEY, "{\"reason\":\"x\"}").status())
                .isEqualTo(403);
    }

    @Test
    void illegalRequestsAreConflictsNamingTheStatus() {
        JsonObject offered = startIssuance(randomBigNumber());
        String id = offered.getString("id");
        Api.Answer revokeOffered = api.post("/api/v1/issuances/" + id + "/revoke", ADMIN_KEY, "{\"reason\":\"x\"}");
        assertThat(revokeOffered.status()).isEqualTo(409);
        assertThat(revokeOffered.contentType()).startsWith("application/problem+json");
        assertThat(revokeOffered.json().getString("detail")).contains("offered");

        JsonObject issued = issued(randomBigNumber());
        Api.Answer renewIssued = api.post("/api/v1/issuances/" + issued.getString("id") + "/renew", PORTAL_KEY, "");
        assertThat(renewIssued.status()).isEqualTo(409);
        assertThat(renewIssued.json().getString("detail")).contains("issued");

        api.post("/api/v1/issuances/" + issued.getString("id") + "/revoke", ADMIN_KEY, "{\"reason\":\"x\"}");
        Api.Answer cancelRevoked = api.post("/api/v1/issuances/" + issued.getString("id") + "/cancel", PORTAL_KEY, "");
        assertThat(cancelRevoked.status()).isEqualTo(409);
        assertThat(cancelRevoked.json().getString("detail")).contains("revoked");
    }

    @Test
    void rolesAreChecked() {
        JsonObject offered = startIssuance(randomBigNumber());
        String id = offered.getString("id");
        assertThat(api.post("/api/v1/issuances/" + id + "/revoke", PORTAL_KEY, "{\"reason\":\"x\"}").status()).isEqualTo(403);
        assertThat(api.post("/api/v1/issuances/" + id + "/renew", AUDITOR_KEY, "").status()).isEqualTo(403);
        assertThat(api.post("/api/v1/issuances/" + id + "/cancel", AUDITOR_KEY, "").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/issuances/" + id + "/events", AUDITOR_KEY).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/issuances/" + id + "/revoke", ADMIN_KEY, "{}").status()).isEqualTo(400);
    }

    @Test
    void thePortalFindsTheOpenOfferOfWhoeverJustLoggedIn() {
        String bigNumber = randomBigNumber();
        JsonObject first = startIssuance(bigNumber);
        JsonObject second = startIssuance(bigNumber);
        api.post("/api/v1/issuances/" + first.getString("id") + "/cancel", PORTAL_KEY, "");

        Api.Answer open = api.get("/api/v1/issuances?bigNumber=" + bigNumber + "&status=offered", PORTAL_KEY);
        assertThat(open.status()).isEqualTo(200);
        List<JsonObject> items = open.json().getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(items).extracting(i -> i.getString("id")).containsExactly(second.getString("id"));

        Api.Answer page1 = api.get("/api/v1/issuances?bigNumber=" + bigNumber + "&limit=1", AUDITOR_KEY);
        assertThat(page1.json().getJsonArray("items")).hasSize(1);
        String cursor = page1.json().getString("nextCursor");
        Api.Answer page2 = api.get("/api/v1/issuances?bigNumber=" + bigNumber + "&limit=1&cursor=" + cursor, AUDITOR_KEY);
        assertThat(page2.json().getJsonArray("items").getJsonObject(0).getString("id")).isEqualTo(second.getString("id"));
        assertThat(page2.json()).doesNotContainKey("nextCursor");

        Api.Answer bad = api.get("/api/v1/issuances?bigNumber=12&status=sleeping&limit=0&cursor=zz", PORTAL_KEY);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().getJsonArray("errors").getValuesAs(JsonObject.class)).extracting(e -> e.getString("field"))
                .contains("bigNumber", "status", "limit", "cursor");
    }
}
