package nl.bigregister.issuer.distribution;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** Listens to a server-sent event stream in the background and keeps the {@code status} events' data. */
final class SseListener implements AutoCloseable {

    final List<JsonObject> statusEvents = new CopyOnWriteArrayList<>();
    final List<String> comments = new CopyOnWriteArrayList<>();
    final CompletableFuture<Integer> ended;
    private volatile int httpStatus;
    private volatile String contentType = "";

    SseListener(URI uri, String apiKey) {
        HttpRequest request = HttpRequest.newBuilder(uri).header("X-API-Key", apiKey)
                .header("Accept", "text/event-stream").GET().build();
        ended = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenApply(response -> {
                    httpStatus = response.statusCode();
                    contentType = response.headers().firstValue("Content-Type").orElse("");
                    read(response.body());
                    return response.statusCode();
                });
    }

    private void read(Stream<String> lines) {
        String event = null;
        StringBuilder data = new StringBuilder();
        for (String line : (Iterable<String>) lines::iterator) {
            if (line.startsWith(":")) {
                comments.add(line);
            } else if (line.startsWith("event:")) {
                event = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5).strip());
            } else if (line.isEmpty() && event != null) {
                if (event.equals("status")) {
                    try (var reader = Json.createReader(new StringReader(data.toString()))) {
                        statusEvents.add(reader.readObject());
                    }
                }
                event = null;
                data.setLength(0);
            }
        }
    }

    List<String> statuses() {
        return statusEvents.stream().map(e -> e.getString("status")).toList();
    }

    int httpStatus() {
        return httpStatus;
    }

    String contentType() {
        return contentType;
    }

    @Override
    public void close() {
        ended.cancel(true);
    }
}
