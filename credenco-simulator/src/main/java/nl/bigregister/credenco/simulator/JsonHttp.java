package nl.bigregister.credenco.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** Reading and answering HTTP exchanges with JSON, Credenco's and OAuth's error shapes included. */
final class JsonHttp {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_BODY = 1 << 20;

    private JsonHttp() {
    }

    static String body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new HttpProblem(413, "Request body too large", null);
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    static JsonNode jsonBody(HttpExchange exchange) throws IOException {
        return json(body(exchange));
    }

    static JsonNode json(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            if (node == null || !node.isObject()) {
                throw new HttpProblem(400, "The body must be a JSON object", null);
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new HttpProblem(400, "The body is not valid JSON", null);
        }
    }

    static Map<String, String> form(HttpExchange exchange) throws IOException {
        return parameters(body(exchange));
    }

    static Map<String, String> query(HttpExchange exchange) {
        String raw = exchange.getRequestURI().getRawQuery();
        return raw == null ? Map.of() : parameters(raw);
    }

    private static Map<String, String> parameters(String encoded) {
        Map<String, String> values = new HashMap<>();
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(name, value);
        }
        return values;
    }

    static void send(HttpExchange exchange, int status, Object body) throws IOException {
        send(exchange, status, "application/json", MAPPER.writeValueAsBytes(body));
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    /** Credenco's error body (not documented; assumed): {status, message, error_details}. */
    static void sendCredencoError(HttpExchange exchange, HttpProblem problem) throws IOException {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("status", problem.status());
        body.put("message", problem.getMessage());
        body.set("error_details", problem.details() == null ? null : MAPPER.valueToTree(problem.details()));
        send(exchange, problem.status(), body);
    }

    /** OAuth 2.0 / OpenID4VCI error body: {error, error_description}. */
    static void sendOAuthError(HttpExchange exchange, int status, String error, String description) throws IOException {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("error", error);
        body.put("error_description", description);
        send(exchange, status, body);
    }
}
