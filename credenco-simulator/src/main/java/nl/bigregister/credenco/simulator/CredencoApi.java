package nl.bigregister.credenco.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Credenco's REST API v2 as documented: start an issuance, its status, revoke; checked by {@code x-api-key}. */
public final class CredencoApi {

    static final String TEMPLATE_ID = "big_registration";
    static final List<String> REQUIRED_CLAIMS =
            List.of("first_name", "last_name", "big_number", "profession", "registration_date", "valid_until");
    static final List<String> KNOWN_STATUSES =
            List.of("issue_request_created", "credential_offer_retrieved", "issue_completed", "error");

    private final String apiKey;
    private final Supplier<URI> publicUrl;
    private final IssuanceBook book;
    private final StatusList statusList;
    private final CallbackSender callbacks;
    private final Faults faults;
    private final Clock clock;
    private final java.time.Duration codeTtl;
    private final List<IssueCall> issueCalls = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** An issue call as it arrived (before any fault), for tests of rate and duplicates. */
    public record IssueCall(Instant at, String bigNumber) {
    }

    List<IssueCall> issueCalls() {
        return List.copyOf(issueCalls);
    }

    /** The claims' big_number of an issue request, if it has one. */
    private static String bigNumberIn(String body) {
        try {
            return JsonHttp.MAPPER.readTree(body).path("claims").path("big_number").asText(null);
        } catch (IOException e) {
            return null;
        }
    }

    CredencoApi(String apiKey, Supplier<URI> publicUrl, IssuanceBook book, StatusList statusList,
                CallbackSender callbacks, Faults faults, Clock clock, java.time.Duration codeTtl) {
        this.apiKey = apiKey;
        this.publicUrl = publicUrl;
        this.book = book;
        this.statusList = statusList;
        this.callbacks = callbacks;
        this.faults = faults;
        this.clock = clock;
        this.codeTtl = codeTtl;
    }

    void requireApiKey(HttpExchange exchange) {
        String presented = exchange.getRequestHeaders().getFirst("x-api-key");
        if (presented == null || !MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                apiKey.getBytes(StandardCharsets.UTF_8))) {
            throw new HttpProblem(401, "Invalid or missing API key", null);
        }
    }

    void issue(HttpExchange exchange) throws IOException {
        requireApiKey(exchange);
        String raw = JsonHttp.body(exchange);
        issueCalls.add(new IssueCall(Instant.now(), bigNumberIn(raw)));
        faults.beforeApiCall();
        JsonNode body = JsonHttp.json(raw);
        String correlationId = text(body, "correlation_id");
        if (correlationId == null) {
            throw new HttpProblem(400, "correlation_id is required", List.of("correlation_id"));
        }
        String template = text(body, "template_id");
        if (!TEMPLATE_ID.equals(template)) {
            throw new HttpProblem(400, "Unknown template", List.of("template_id"));
        }
        Map<String, String> claims = claims(body.get("claims"));
        Optional<URI> callbackUrl = Optional.empty();
        List<String> callbackStatuses = List.of();
        JsonNode callback = body.get("callback");
        if (callback != null && callback.isObject()) {
            callbackUrl = Optional.ofNullable(text(callback, "url")).map(URI::create);
            List<String> statuses = new ArrayList<>();
            callback.path("status").forEach(s -> statuses.add(s.asText()));
            callbackStatuses = statuses.isEmpty() ? KNOWN_STATUSES : statuses;
        }
        Instant now = clock.instant();
        SimulatedIssuance issuance = new SimulatedIssuance(correlationId, claims, callbackUrl, callbackStatuses,
                UUID.randomUUID().toString(), IssuanceBook.secret(), now.plus(codeTtl), now);
        if (!book.add(issuance)) {
            throw new HttpProblem(409, "correlation_id already used", List.of("correlation_id"));
        }
        URI base = publicUrl.get();
        String offerUri = base + "/openid4vc/credentialOffer?id=" + issuance.offerId;
        String requestUri = "openid-credential-offer://?credential_offer_uri="
                + URLEncoder.encode(offerUri, StandardCharsets.UTF_8);
        ObjectNode answer = JsonHttp.MAPPER.createObjectNode();
        answer.put("correlation_id", correlationId);
        answer.put("request_uri", requestUri);
        answer.put("status_uri", base + "/api/v2/credential/issue/" + URLEncoder.encode(correlationId, StandardCharsets.UTF_8));
        JsonNode qr = body.get("qr_code");
        if (qr != null && qr.isObject()) {
            int size = qr.path("size").asInt(400);
            if (size < 50 || size > 2000) {
                throw new HttpProblem(400, "qr_code.size must be 50 to 2000", List.of("qr_code.size"));
            }
            answer.put("qr_uri", QrCodes.pngDataUri(requestUri, size));
        }
        JsonHttp.send(exchange, 200, answer);
        callbacks.statusChanged(issuance, issuance.status(), issuance.lastUpdated());
    }

    private static Map<String, String> claims(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new HttpProblem(400, "claims are required", List.of("claims"));
        }
        Map<String, String> claims = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> claims.put(e.getKey(), e.getValue().asText()));
        List<String> missing = REQUIRED_CLAIMS.stream().filter(c -> claims.get(c) == null || claims.get(c).isBlank()).toList();
        if (!missing.isEmpty()) {
            throw new HttpProblem(400, "Claims missing for template " + TEMPLATE_ID, missing);
        }
        if (!claims.get("big_number").matches("[0-9]{11}")) {
            throw new HttpProblem(400, "big_number must be 11 digits", List.of("claims.big_number"));
        }
        try {
            if (!LocalDate.parse(claims.get("valid_until")).isAfter(LocalDate.parse(claims.get("registration_date")))) {
                throw new HttpProblem(400, "valid_until must follow registration_date", List.of("claims.valid_until"));
            }
        } catch (DateTimeParseException e) {
            throw new HttpProblem(400, "dates must be ISO dates", List.of("claims.registration_date", "claims.valid_until"));
        }
        return claims;
    }

    void status(HttpExchange exchange, String correlationId) throws IOException {
        requireApiKey(exchange);
        faults.beforeApiCall();
        SimulatedIssuance issuance = book.byCorrelationId(correlationId)
                .orElseThrow(() -> new HttpProblem(404, "Unknown correlation_id", null));
        ObjectNode answer = JsonHttp.MAPPER.createObjectNode();
        answer.put("status", issuance.status());
        answer.put("correlation_id", issuance.correlationId);
        answer.put("last_updated", issuance.lastUpdated().toEpochMilli());
        issuance.revocationUuid().ifPresent(r -> answer.put("revocation_uuid", r));
        JsonHttp.send(exchange, 200, answer);
    }

    void revoke(HttpExchange exchange) throws IOException {
        requireApiKey(exchange);
        faults.beforeApiCall();
        JsonNode body = JsonHttp.jsonBody(exchange);
        String revocationUuid = text(body, "revocation_uuid");
        SimulatedIssuance issuance = book.byRevocation(revocationUuid)
                .orElseThrow(() -> new HttpProblem(404, "Unknown revocation_uuid", List.of("revocation_uuid")));
        statusList.revoke(issuance.statusListIndex());
        ObjectNode answer = JsonHttp.MAPPER.createObjectNode();
        answer.put("revocation_uuid", revocationUuid);
        answer.put("revoked", true);
        JsonHttp.send(exchange, 200, answer);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
