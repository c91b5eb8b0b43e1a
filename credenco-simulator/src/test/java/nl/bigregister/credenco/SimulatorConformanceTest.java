package nl.bigregister.credenco;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.ECKey;
import com.sun.net.httpserver.HttpServer;
import nl.bigregister.credenco.simulator.CredencoSimulator;
import nl.bigregister.credenco.simulator.Faults;
import nl.bigregister.credenco.simulator.SimulatorSettings;
import nl.bigregister.credenco.wallet.QrCodeReader;
import nl.bigregister.credenco.wallet.ReceivedCredential;
import nl.bigregister.credenco.wallet.TestWallet;
import nl.bigregister.credenco.wallet.WalletException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The simulator speaks Credenco's API and OpenID4VCI faithfully: shown through the test wallet, good and bad. */
class SimulatorConformanceTest {

    static final String KEY = "test-credenco-key";
    static final ObjectMapper JSON = new ObjectMapper();

    CredencoSimulator simulator;
    HttpServer callbackReceiver;
    final List<JsonNode> callbacks = new CopyOnWriteArrayList<>();
    final AtomicInteger callbackFailuresToGo = new AtomicInteger();
    final HttpClient http = HttpClient.newHttpClient();
    final TestWallet wallet = new TestWallet();

    @BeforeEach
    void start() throws IOException {
        simulator = CredencoSimulator.start(SimulatorSettings.forTests(KEY, Duration.ofSeconds(2)));
        callbackReceiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        callbackReceiver.createContext("/callbacks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean fail = callbackFailuresToGo.getAndDecrement() > 0;
            if (!fail) {
                callbacks.add(JSON.readTree(body));
            }
            exchange.sendResponseHeaders(fail ? 503 : 204, -1);
            exchange.close();
        });
        callbackReceiver.start();
    }

    @AfterEach
    void stop() {
        simulator.close();
        callbackReceiver.stop(0);
    }

    String callbackUrl() {
        return "http://127.0.0.1:" + callbackReceiver.getAddress().getPort() + "/callbacks/token";
    }

    Map<String, Object> issueRequest(String correlationId) {
        return Map.of("correlation_id", correlationId, "template_id", "big_registration",
                "claims", Map.of("first_name", "Sophie", "last_name", "de Vries", "big_number", "29065432101",
                        "profession", "Physiotherapist", "specialism", "Sports Physiotherapy",
                        "registration_date", "2026-03-19", "valid_until", "2031-03-19"),
                "qr_code", Map.of("size", 300),
                "callback", Map.of("url", callbackUrl(),
                        "status", List.of("issue_request_created", "credential_offer_retrieved", "issue_completed", "error")));
    }

    HttpResponse<String> post(String path, String apiKey, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        if (apiKey != null) {
            request.header("x-api-key", apiKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    JsonNode status(JsonNode started) throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(started.get("status_uri").asText()))
                .header("x-api-key", KEY).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    JsonNode start(String correlationId) throws Exception {
        HttpResponse<String> response = post("/api/v2/credential/issue", KEY, issueRequest(correlationId));
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void sophieScansTheQrCodeAndReceivesAVerifiedCredentialThatCanBeRevoked() throws Exception {
        JsonNode started = start("big-reg-sophie-2026");
        assertThat(started.get("correlation_id").asText()).isEqualTo("big-reg-sophie-2026");
        String requestUri = started.get("request_uri").asText();
        assertThat(requestUri).startsWith("openid-credential-offer://?credential_offer_uri=");
        assertThat(QrCodeReader.readDataUri(started.get("qr_uri").asText())).isEqualTo(requestUri);
        assertThat(status(started).get("status").asText()).isEqualTo("issue_request_created");

        ReceivedCredential credential = wallet.receive(requestUri);

        assertThat(credential.vct()).isEqualTo("urn:nl:bigregister:registration:1");
        assertThat(credential.claims()).containsEntry("first_name", "Sophie").containsEntry("last_name", "de Vries")
                .containsEntry("big_number", "29065432101").containsEntry("profession", "Physiotherapist")
                .containsEntry("specialism", "Sports Physiotherapy").containsEntry("valid_until", "2031-03-19");
        assertThat(credential.sdJwt().split("~")[0]).doesNotContain("Sophie");
        JsonNode completed = status(started);
        assertThat(completed.get("status").asText()).isEqualTo("issue_completed");
        assertThat(completed.get("correlation_id").asText()).isEqualTo("big-reg-sophie-2026");
        String revocationUuid = completed.get("revocation_uuid").asText();
        assertThat(revocationUuid).isNotBlank();
        assertThat(wallet.isRevoked(credential)).isFalse();

        HttpResponse<String> revoked = post("/api/v2/credential/revoke", KEY, Map.of("revocation_uuid", revocationUuid));
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(wallet.isRevoked(credential)).isTrue();
    }

    @Test
    void callbacksFollowTheStatusesInOrder() throws Exception {
        JsonNode started = start("cb-1");
        wallet.receive(started.get("request_uri").asText());
        await().atMost(Duration.ofSeconds(5)).until(() -> callbacks.size() == 3);
        assertThat(callbacks).extracting(c -> c.get("status").asText())
                .containsExactly("issue_request_created", "credential_offer_retrieved", "issue_completed");
        assertThat(callbacks).allSatisfy(c -> assertThat(c.get("correlation_id").asText()).isEqualTo("cb-1"));
        assertThat(callbacks.get(0).get("last_updated").asLong()).isLessThan(callbacks.get(1).get("last_updated").asLong());
        assertThat(callbacks.get(1).get("last_updated").asLong()).isLessThan(callbacks.get(2).get("last_updated").asLong());
    }

    @Test
    void aFailingCallbackReceiverIsRetried() throws Exception {
        callbackFailuresToGo.set(2);
        start("cb-retry");
        await().atMost(Duration.ofSeconds(5)).until(() -> callbacks.size() == 1);
        assertThat(callbacks.getFirst().get("status").asText()).isEqualTo("issue_request_created");
    }

    @Test
    void wrongApiKeyIsRefused() throws Exception {
        HttpResponse<String> response = post("/api/v2/credential/issue", "wrong", issueRequest("k-1"));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(post("/api/v2/credential/issue", null, issueRequest("k-2")).statusCode()).isEqualTo(401);
    }

    @Test
    void unknownTemplateIsRefusedWithCredencosErrorBody() throws Exception {
        Map<String, Object> request = new java.util.HashMap<>(issueRequest("t-1"));
        request.put("template_id", "drivers_licence");
        HttpResponse<String> response = post("/api/v2/credential/issue", KEY, request);
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body());
        assertThat(error.get("status").asInt()).isEqualTo(400);
        assertThat(error.get("message").asText()).isEqualTo("Unknown template");
        assertThat(error.get("error_details").toString()).contains("template_id");
    }

    @Test
    void incompleteClaimsAreRefused() throws Exception {
        Map<String, Object> request = new java.util.HashMap<>(issueRequest("c-1"));
        request.put("claims", Map.of("first_name", "Sophie"));
        HttpResponse<String> response = post("/api/v2/credential/issue", KEY, request);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("last_name").contains("big_number");
    }

    @Test
    void aRepeatedCorrelationIdIsRefused() throws Exception {
        start("dup-1");
        HttpResponse<String> again = post("/api/v2/credential/issue", KEY, issueRequest("dup-1"));
        assertThat(again.statusCode()).isEqualTo(409);
    }

    @Test
    void thePreAuthorizedCodeWorksOnce() throws Exception {
        TestWallet.Offer offer = wallet.fetchOffer(start("code-1").get("request_uri").asText());
        TestWallet.Endpoints endpoints = wallet.endpoints(offer.credentialIssuer());
        assertThat(wallet.token(endpoints, offer.preAuthorizedCode())).isNotBlank();
        assertThatThrownBy(() -> wallet.token(endpoints, offer.preAuthorizedCode()))
                .isInstanceOf(WalletException.class).extracting(e -> ((WalletException) e).error()).isEqualTo("invalid_grant");
    }

    @Test
    void anExpiredPreAuthorizedCodeIsRefused() throws Exception {
        TestWallet.Offer offer = wallet.fetchOffer(start("code-2").get("request_uri").asText());
        TestWallet.Endpoints endpoints = wallet.endpoints(offer.credentialIssuer());
        Thread.sleep(2_200);
        assertThatThrownBy(() -> wallet.token(endpoints, offer.preAuthorizedCode()))
                .isInstanceOf(WalletException.class).extracting(e -> ((WalletException) e).error()).isEqualTo("invalid_grant");
    }

    @Test
    void fetchingTheOfferMovesTheStatusOnce() throws Exception {
        JsonNode started = start("offer-1");
        wallet.fetchOffer(started.get("request_uri").asText());
        JsonNode first = status(started);
        assertThat(first.get("status").asText()).isEqualTo("credential_offer_retrieved");
        wallet.fetchOffer(started.get("request_uri").asText());
        assertThat(status(started).get("last_updated")).isEqualTo(first.get("last_updated"));
    }

    @Test
    void aWrongOrReusedNonceIsRefused() throws Exception {
        TestWallet.Offer offer = wallet.fetchOffer(start("nonce-1").get("request_uri").asText());
        TestWallet.Endpoints endpoints = wallet.endpoints(offer.credentialIssuer());
        String token = wallet.token(endpoints, offer.preAuthorizedCode());
        ECKey holder = TestWallet.newHolderKey();

        String invented = TestWallet.proof(holder, holder, offer.credentialIssuer(), "made-up", Instant.now());
        assertThatThrownBy(() -> wallet.requestCredential(endpoints, token, offer.configurationIds().getFirst(), invented))
                .isInstanceOf(WalletException.class).extracting(e -> ((WalletException) e).error()).isEqualTo("invalid_nonce");

        String nonce = wallet.nonce(endpoints);
        String good = TestWallet.proof(holder, holder, offer.credentialIssuer(), nonce, Instant.now());
        assertThat(wallet.requestCredential(endpoints, token, offer.configurationIds().getFirst(), good)).contains("~");
    }

    @Test
    void aProofSignedByAnotherKeyIsRefused() throws Exception {
        TestWallet.Offer offer = wallet.fetchOffer(start("proof-1").get("request_uri").asText());
        TestWallet.Endpoints endpoints = wallet.endpoints(offer.credentialIssuer());
        String token = wallet.token(endpoints, offer.preAuthorizedCode());
        String forged = TestWallet.proof(TestWallet.newHolderKey(), TestWallet.newHolderKey(), offer.credentialIssuer(),
                wallet.nonce(endpoints), Instant.now());
        assertThatThrownBy(() -> wallet.requestCredential(endpoints, token, offer.configurationIds().getFirst(), forged))
                .isInstanceOf(WalletException.class).extracting(e -> ((WalletException) e).error()).isEqualTo("invalid_proof");
    }

    @Test
    void aProofForAnotherAudienceIsRefused() throws Exception {
        TestWallet.Offer offer = wallet.fetchOffer(start("proof-2").get("request_uri").asText());
        TestWallet.Endpoints endpoints = wallet.endpoints(offer.credentialIssuer());
        String token = wallet.token(endpoints, offer.preAuthorizedCode());
        ECKey holder = TestWallet.newHolderKey();
        String proof = TestWallet.proof(holder, holder, "https://elsewhere.example", wallet.nonce(endpoints), Instant.now());
        assertThatThrownBy(() -> wallet.requestCredential(endpoints, token, offer.configurationIds().getFirst(), proof))
                .isInstanceOf(WalletException.class).extracting(e -> ((WalletException) e).error()).isEqualTo("invalid_proof");
    }

    @Test
    void anUnknownAccessTokenIsRefused() throws Exception {
        TestWallet.Offer offer = wallet.fetchOffer(start("token-1").get("request_uri").asText());
        TestWallet.Endpoints endpoints = wallet.endpoints(offer.credentialIssuer());
        ECKey holder = TestWallet.newHolderKey();
        String proof = TestWallet.proof(holder, holder, offer.credentialIssuer(), wallet.nonce(endpoints), Instant.now());
        assertThatThrownBy(() -> wallet.requestCredential(endpoints, "stolen", offer.configurationIds().getFirst(), proof))
                .isInstanceOf(WalletException.class).extracting(e -> ((WalletException) e).error()).isEqualTo("invalid_token");
    }

    @Test
    void faultsOnDemand() throws Exception {
        simulator.faults().outageFor(Duration.ofSeconds(30));
        assertThat(post("/api/v2/credential/issue", KEY, issueRequest("f-1")).statusCode()).isEqualTo(503);

        simulator.faults().set(new Faults.Settings(0, 0, 1.0, 7, Instant.EPOCH, false, false, false));
        HttpResponse<String> limited = post("/api/v2/credential/issue", KEY, issueRequest("f-2"));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("7");

        simulator.faults().reset();
        assertThat(post("/api/v2/credential/issue", KEY, issueRequest("f-3")).statusCode()).isEqualTo(200);
    }

    @Test
    void faultsCanBeSetOverHttpWithTheApiKeyOnly() throws Exception {
        HttpRequest put = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/admin/faults"))
                .header("x-api-key", KEY).PUT(HttpRequest.BodyPublishers.ofString("{\"outageSeconds\":30}")).build();
        assertThat(http.send(put, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(post("/api/v2/credential/issue", KEY, issueRequest("f-4")).statusCode()).isEqualTo(503);
        HttpRequest anonymous = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/admin/faults"))
                .DELETE().build();
        assertThat(http.send(anonymous, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    @Test
    void issueCallArrivalsAreListedForRateMeasurements() throws Exception {
        long before = System.currentTimeMillis();
        int earlier = simulator.issueCalls().size();
        post("/api/v2/credential/issue", KEY, issueRequest("arrival-" + UUID.randomUUID()));
        HttpRequest list = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/admin/issue-calls"))
                .header("x-api-key", KEY).GET().build();
        List<String> lines = http.send(list, HttpResponse.BodyHandlers.ofString()).body().lines().toList();
        assertThat(lines).hasSize(earlier + 1);
        assertThat(Long.parseLong(lines.getLast())).isBetween(before, System.currentTimeMillis());
        HttpRequest anonymous = HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/admin/issue-calls")).GET().build();
        assertThat(http.send(anonymous, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    @Test
    void droppedAndDuplicatedCallbacks() throws Exception {
        simulator.faults().set(new Faults.Settings(0, 0, 0, 1, Instant.EPOCH, false, true, false));
        start("dupcb-" + UUID.randomUUID());
        await().atMost(Duration.ofSeconds(5)).until(() -> callbacks.size() == 2);
        assertThat(callbacks.get(0)).isEqualTo(callbacks.get(1));

        callbacks.clear();
        simulator.faults().set(new Faults.Settings(0, 0, 0, 1, Instant.EPOCH, true, false, false));
        start("dropcb-" + UUID.randomUUID());
        Thread.sleep(500);
        assertThat(callbacks).isEmpty();
    }
}
