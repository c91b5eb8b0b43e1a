package nl.bigregister.issuer.distribution;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for the end-to-end tests: real requests, JSON answers. */
final class Api {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final RunningIssuer issuer;

    Api(RunningIssuer issuer) {
        this.issuer = issuer;
    }

    record Answer(int status, String contentType, String body, HttpResponse<String> raw) {
        JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                JsonStructure structure = reader.read();
                return structure.asJsonObject();
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    Answer post(String path, String apiKey, String contentType, String body) {
        return post(path, apiKey, contentType, body, java.util.Map.of());
    }

    Answer post(String path, String apiKey, String contentType, String body, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(issuer.uri(path))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return send(request.build());
    }

    Answer post(String path, String apiKey, String json) {
        return post(path, apiKey, "application/json", json);
    }

    Answer get(String path, String apiKey) {
        return get(path, apiKey, java.util.Map.of());
    }

    Answer get(String path, String apiKey, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(issuer.uri(path)).timeout(Duration.ofSeconds(30)).GET();
        headers.forEach(request::header);
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return send(request.build());
    }

    Answer get(URI uri, String apiKey) {
        return send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("X-API-Key", apiKey).GET().build());
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
