package nl.bigregister.issuer.distribution;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal's flow end to end: the packaged jar on Payara Micro, real HTTP, an HTTP stub for Credenco.
 * Covers the Sophie flow, Credenco's outages and rejections, malformed Credenco answers, auth and bad input.
 */
class PortalIssuanceIT {

    static final String PORTAL_KEY = "it-portal-key";
    static final String AUDITOR_KEY = "it-auditor-key";
    static final String ADMIN_KEY = "it-admin-key";
    static final String CREDENCO_KEY = "it-credenco-key";
    static final String ISSUE_PATH = "/api/v2/credential/issue";

    static WireMockServer credenco;
    static RunningIssuer issuer;
    static Api api;

    static final String SOPHIE = """
            {"bigNumber":"29065432101","firstName":"Sophie","lastName":"de Vries","profession":"Physiotherapist",
             "specialism":"Sports Physiotherapy","registrationDate":"2026-03-19","validUntil":"2031-03-19"}""";

    @BeforeAll
    static void start() throws Exception {
        credenco = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        credenco.start();
        issuer = RunningIssuer.start("portal-it", Map.of(
                "ISSUER_CLIENTS", "portal-1:portal:" + sha256(PORTAL_KEY) + ";audit-1:auditor:" + sha256(AUDITOR_KEY)
                        + ";ops:admin:" + sha256(ADMIN_KEY),
                "CREDENCO_BASE_URL", credenco.baseUrl(),
                "CREDENCO_API_KEY", CREDENCO_KEY,
                "CREDENCO_READ_TIMEOUT", "PT2S",
                "ISSUER_PUBLIC_BASE_URL", "https://issuer.example"));
        api = new Api(issuer);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (issuer != null) {
            issuer.close();
        }
        if (credenco != null) {
            credenco.stop();
        }
    }

    @BeforeEach
    void resetCredenco() {
        credenco.resetAll();
    }

    static String sha256(String key) throws Exception {
        return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(key.getBytes()));
    }

    static String pngDataUri() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", png);
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
    }

    static void credencoAnswers(int status, String body) {
        credenco.stubFor(post(ISSUE_PATH).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    static void credencoOffers() throws IOException {
        credencoOffersWithStatusAt(credenco.baseUrl() + "/api/v2/issue");
    }

    static JsonObject sentToCredenco() {
        List<LoggedRequest> requests = credenco.findAll(postRequestedFor(urlEqualTo(ISSUE_PATH)));
        assertThat(requests).hasSize(1);
        try (var reader = Json.createReader(new StringReader(requests.getFirst().getBodyAsString()))) {
            return reader.readObject();
        }
    }

    static void credencoOffersWithStatusAt(String statusBase) throws IOException {
        credenco.stubFor(post(ISSUE_PATH).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withTransformers("response-template")
                .withBody("""
                        {"correlation_id":"{{jsonPath request.body '$.correlation_id'}}",
                         "request_uri":"openid-credential-offer://?credential_offer_uri=%s/openid4vc/credentialOffer?id=e1a9",
                         "status_uri":"%s/{{jsonPath request.body '$.correlation_id'}}",
                         "qr_uri":"%s"}""".formatted(credenco.baseUrl(), statusBase, pngDataUri()))));
    }

    static void credencoReportsCompletedAt(String pathPrefix) {
        credenco.stubFor(get(urlPathMatching(pathPrefix + "/[^/]+")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withTransformers("response-template")
                .withBody("""
                        {"status":"issue_completed","correlation_id":"{{request.pathSegments.[%1$d]}}",
                         "revocation_uuid":"revoke-{{request.pathSegments.[%1$d]}}",
                         "last_updated":{{now format='epoch'}} }""".formatted(pathPrefix.split("/").length - 1))));
    }

    @Test
    void theStatusIsPolledOnTheStatusUriCredencoGaveWithItsApiKey() throws IOException {
        credencoOffersWithStatusAt(credenco.baseUrl() + "/api/v2/issue");
        credencoReportsCompletedAt("/api/v2/issue");

        // Several offers in a row: each is polled on its own status_uri (the client is shared, the id is not).
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(api.post("/api/v1/issuances", PORTAL_KEY, SOPHIE).json().getString("id"));
        }

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() -> ids.stream()
                .allMatch(id -> "issued".equals(api.get("/api/v1/issuances/" + id, PORTAL_KEY).json().getString("status"))));
        List<LoggedRequest> polls = credenco.findAll(getRequestedFor(urlPathMatching("/api/v2/issue/[^/]+")));
        assertThat(polls).allSatisfy(poll -> assertThat(poll.getHeader("x-api-key")).isEqualTo(CREDENCO_KEY));
        // The stub answers for the correlation id in the path, and an issuance only takes a report for its
        // own attempt: each being issued shows it was asked on its own status_uri.
        assertThat(polls.stream().map(LoggedRequest::getUrl).distinct()).hasSizeGreaterThanOrEqualTo(ids.size());
    }

    @Test
    void aStatusUriOnAnotherOriginIsNotFollowedWithTheApiKey() throws IOException {
        credencoOffersWithStatusAt("https://elsewhere.example/collect");
        credencoReportsCompletedAt(ISSUE_PATH);

        String id = api.post("/api/v1/issuances", PORTAL_KEY, SOPHIE).json().getString("id");

        // Asked on Credenco's own documented status path instead.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() ->
                "issued".equals(api.get("/api/v1/issuances/" + id, PORTAL_KEY).json().getString("status")));
        assertThat(credenco.findAll(getRequestedFor(urlPathMatching(ISSUE_PATH + "/[^/]+"))))
                .isNotEmpty()
                .allSatisfy(poll -> assertThat(poll.getHeader("x-api-key")).isEqualTo(CREDENCO_KEY));
    }

    @Test
    void sophieGetsHerOfferAndQrCode() throws IOException {
        credencoOffers();
        Instant before = Instant.now();

        Api.Answer started = api.post("/api/v1/issuances", PORTAL_KEY, SOPHIE);

        assertThat(started.status()).isEqualTo(201);
        assertThat(started.contentType()).startsWith("application/json");
        JsonObject body = started.json();
        String id = body.getString("id");
        assertThat(started.header("Location")).endsWith("/api/v1/issuances/" + id);
        assertThat(body.getString("status")).isEqualTo("offered");
        assertThat(body.getString("bigNumber")).isEqualTo("29065432101");
        assertThat(body.getString("profession")).isEqualTo("Physiotherapist");
        JsonObject offer = body.getJsonObject("offer");
        assertThat(offer.getString("uri")).startsWith("openid-credential-offer://?credential_offer_uri=");
        assertThat(offer.getString("qrCode")).isEqualTo(pngDataUri());
        assertThat(Instant.parse(offer.getString("expiresAt"))).isBetween(before.plusSeconds(590), Instant.now().plusSeconds(610));
        assertThat(body.getString("createdAt")).isNotBlank();
        assertThat(body.toString()).doesNotContain("Sophie").doesNotContain("Vries");

        LoggedRequest request = credenco.findAll(postRequestedFor(urlEqualTo(ISSUE_PATH))).getFirst();
        assertThat(request.getHeader("x-api-key")).isEqualTo(CREDENCO_KEY);
        JsonObject sent = sentToCredenco();
        assertThat(sent.getString("correlation_id")).matches("big-[0-9a-f-]{36}");
        assertThat(sent.getString("template_id")).isEqualTo("big_registration");
        JsonObject claims = sent.getJsonObject("claims");
        assertThat(claims.getString("first_name")).isEqualTo("Sophie");
        assertThat(claims.getString("last_name")).isEqualTo("de Vries");
        assertThat(claims.getString("big_number")).isEqualTo("29065432101");
        assertThat(claims.getString("profession")).isEqualTo("Physiotherapist");
        assertThat(claims.getString("specialism")).isEqualTo("Sports Physiotherapy");
        assertThat(claims.getString("registration_date")).isEqualTo("2026-03-19");
        assertThat(claims.getString("valid_until")).isEqualTo("2031-03-19");
        assertThat(sent.getJsonObject("qr_code").getInt("size")).isEqualTo(400);
        assertThat(sent.getJsonObject("callback").getString("url")).matches("https://issuer\\.example/callbacks/credenco/[A-Za-z0-9_-]{43}");
        assertThat(sent.getJsonObject("callback").getJsonArray("status").toString())
                .isEqualTo("[\"credential_offer_retrieved\",\"issue_completed\",\"error\"]");

        Api.Answer fetched = api.get("/api/v1/issuances/" + id, AUDITOR_KEY);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json()).isEqualTo(body);
    }

    @Test
    void everyAttemptGetsItsOwnCorrelationIdAndCallbackToken() throws IOException {
        credencoOffers();
        api.post("/api/v1/issuances", PORTAL_KEY, SOPHIE);
        api.post("/api/v1/issuances", PORTAL_KEY, SOPHIE);
        List<String> bodies = credenco.findAll(postRequestedFor(urlEqualTo(ISSUE_PATH))).stream()
                .map(LoggedRequest::getBodyAsString).toList();
        assertThat(bodies).hasSize(2);
        JsonObject first = Json.createReader(new StringReader(bodies.get(0))).readObject();
        JsonObject second = Json.createReader(new StringReader(bodies.get(1))).readObject();
        assertThat(first.getString("correlation_id")).isNotEqualTo(second.getString("correlation_id"));
        assertThat(first.getJsonObject("callback").getString("url"))
                .isNotEqualTo(second.getJsonObject("callback").getString("url"));
    }

    @Test
    void specialismIsLeftOutWhenAbsent() throws IOException {
        credencoOffers();
        Api.Answer started = api.post("/api/v1/issuances", PORTAL_KEY, SOPHIE.replace(
                "\"specialism\":\"Sports Physiotherapy\",", ""));
        assertThat(started.status()).isEqualTo(201);
        assertThat(sentToCredenco().getJsonObject("claims")).doesNotContainKey("specialism");
    }

    @ParameterizedTest(name = "Credenco answers {0}")
    @ValueSource(ints = {500, 502, 503, 429, 408})
    void credencoUnavailableKeepsTheRequest(int status) {
        credenco.stubFor(post(ISSUE_PATH).willReturn(aResponse().withStatus(status).withHeader("Retry-After", "5")
                .withHeader("Content-Type", "text/html").withBody("<html>down</html>")));

        Api.Answer started = api.post("/api/v1/issuances", PORTAL_KEY, SOPHIE);

        assertThat(started.status()).isEqualTo(202);
        JsonObject body = started.json();
        assertThat(body.getString("status")).isEqualTo("requested");
        assertThat(body).doesNotContainKey("offer");
        assertThat(api.get("/api/v1/issuances/" + body.getString("id"), PORTAL_KEY).json().getString("status"))
                .isEqualTo("requested");
    }

    @Test
    void credencoConnectionFailureKeepsTheRequest() {
        credenco.stubFor(post(ISSUE_PATH).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        Api.Answer started = api.post("/api/v1/issuances", PORTAL_KEY, SOPHIE);
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.json().getString("status")).isEqualTo("requested");
    }

    @Test
    void credencoTimeoutKeepsTheRequest() {
        credenco.stubFor(post(ISSUE_PATH).willReturn(aResponse().withStatus(200).withFixedDelay(4000)));
        Api.Answer started = api.post("/api/v1/issuances", PORTAL_KEY, SOPHIE);
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.json().getString("status")).isEqualTo("requested");
    }

    @Test
    void permanentRejectionFailsWithCredencosReason() {
        credencoAnswers(400, "{\"status\":400,\"message\":\"Unknown template\",\"error_details\":null}");

        Api.Answer started = api.post("/api/v1/issuances", PORTAL_KEY, SOPHIE);

        assertThat(started.status()).isEqualTo(201);
        JsonObject body = started.json();
        assertThat(body.getString("status")).isEqualTo("failed");
        assertThat(body.getJsonObject("failure").getString("code")).isEqualTo("credenco_rejected");
        assertThat(body.getJsonObject("failure").getString("message")).contains("400").contains("Unknown template");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"missing request_uri", "qr not a PNG data URI", "HTML instead of JSON"})
    void malformedCredencoAnswersFailClearly(String what) throws IOException {
        String body = switch (what) {
            case "missing request_uri" -> "{\"status_uri\":\"%s/s\",\"qr_uri\":\"%s\"}".formatted(credenco.baseUrl(), pngDataUri());
            case "qr not a PNG data URI" -> "{\"request_uri\":\"openid-credential-offer://x\",\"status_uri\":\"%s/s\","
                    .formatted(credenco.baseUrl()) + "\"qr_uri\":\"https://w/qr.gif\"}";
            default -> "<html><body>Welcome</body></html>";
        };
        credenco.stubFor(post(ISSUE_PATH).willReturn(aResponse().withStatus(200).withBody(body)));

        Api.Answer started = api.post("/api/v1/issuances", PORTAL_KEY, SOPHIE);

        assertThat(started.status()).isEqualTo(201);
        assertThat(started.json().getString("status")).isEqualTo("failed");
        assertThat(started.json().getJsonObject("failure").getString("code")).isEqualTo("credenco_invalid_response");
    }

    @Test
    void callersWithoutAValidKeyOrRoleAreRefused() {
        Api.Answer none = api.post("/api/v1/issuances", null, SOPHIE);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(api.post("/api/v1/issuances", "wrong-key", SOPHIE).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/issuances/7b0c7c0e-2b7a-4a39-a1b6-000000000000", null).status()).isEqualTo(401);

        Api.Answer auditor = api.post("/api/v1/issuances", AUDITOR_KEY, SOPHIE);
        assertThat(auditor.status()).isEqualTo(403);
        assertThat(auditor.contentType()).startsWith("application/problem+json");
        assertThat(auditor.json().getString("detail")).contains("audit-1");
        credenco.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void adminMayStartToo() throws IOException {
        credencoOffers();
        assertThat(api.post("/api/v1/issuances", ADMIN_KEY, SOPHIE).status()).isEqualTo(201);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "bigNumber:{\"bigNumber\":\"2906543210\",\"firstName\":\"S\",\"lastName\":\"V\",\"profession\":\"Nurse\",\"registrationDate\":\"2026-03-19\",\"validUntil\":\"2031-03-19\"}",
            "firstName:{\"bigNumber\":\"29065432101\",\"firstName\":\"  \",\"lastName\":\"V\",\"profession\":\"Nurse\",\"registrationDate\":\"2026-03-19\",\"validUntil\":\"2031-03-19\"}",
            "lastName:{\"bigNumber\":\"29065432101\",\"firstName\":\"S\",\"lastName\":\"VVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVVV\",\"profession\":\"Nurse\",\"registrationDate\":\"2026-03-19\",\"validUntil\":\"2031-03-19\"}",
            "profession:{\"bigNumber\":\"29065432101\",\"firstName\":\"S\",\"lastName\":\"V\",\"profession\":\"Wizard\",\"registrationDate\":\"2026-03-19\",\"validUntil\":\"2031-03-19\"}",
            "registrationDate:{\"bigNumber\":\"29065432101\",\"firstName\":\"S\",\"lastName\":\"V\",\"profession\":\"Nurse\",\"registrationDate\":\"19-03-2026\",\"validUntil\":\"2031-03-19\"}",
            "validUntil:{\"bigNumber\":\"29065432101\",\"firstName\":\"S\",\"lastName\":\"V\",\"profession\":\"Nurse\",\"registrationDate\":\"2026-03-19\",\"validUntil\":\"2026-03-18\"}",
            "validUntil:{\"bigNumber\":\"29065432101\",\"firstName\":\"S\",\"lastName\":\"V\",\"profession\":\"Nurse\",\"registrationDate\":\"2026-03-19\"}"})
    void invalidFieldsAreNamedAndNothingReachesCredenco(String caseText) {
        String field = caseText.substring(0, caseText.indexOf(':'));
        String body = caseText.substring(caseText.indexOf(':') + 1);

        Api.Answer answer = api.post("/api/v1/issuances", PORTAL_KEY, body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        JsonObject problem = answer.json();
        assertThat(problem.getInt("status")).isEqualTo(400);
        assertThat(problem.getString("title")).isNotBlank();
        assertThat(problem.getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("field")).contains(field);
        credenco.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"bigNumber\":", "[1,2,3]", "", "null", "\"text\""})
    void malformedBodiesAreA400Problem(String body) {
        Api.Answer answer = api.post("/api/v1/issuances", PORTAL_KEY, body);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        credenco.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void wrongMediaTypeAndUnknownThingsAreProblemsToo() {
        Api.Answer text = api.post("/api/v1/issuances", PORTAL_KEY, "text/plain", SOPHIE);
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.contentType()).startsWith("application/problem+json");

        Api.Answer unknownId = api.get("/api/v1/issuances/7b0c7c0e-2b7a-4a39-a1b6-000000000000", PORTAL_KEY);
        assertThat(unknownId.status()).isEqualTo(404);
        assertThat(unknownId.contentType()).startsWith("application/problem+json");

        Api.Answer notAnId = api.get("/api/v1/issuances/not-a-uuid", PORTAL_KEY);
        assertThat(notAnId.status()).isEqualTo(400);
        assertThat(notAnId.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("id");

        Api.Answer unknownPath = api.get("/api/v1/nothing-here", PORTAL_KEY);
        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(unknownPath.contentType()).startsWith("application/problem+json");
    }

    @Test
    void healthIsReady() {
        Api.Answer ready = api.get("/health/ready", null);
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.body()).contains("UP");
    }
}
