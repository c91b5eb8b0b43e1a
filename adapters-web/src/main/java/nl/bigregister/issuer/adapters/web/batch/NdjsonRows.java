package nl.bigregister.issuer.adapters.web.batch;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** One JSON object per line ({@code application/x-ndjson}); blank lines are skipped. */
final class NdjsonRows extends BatchRowReader {

    /** Made once: {@code Json.createReader} looks the provider up on the class path on every call. */
    private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());

    private final BufferedReader reader;

    NdjsonRows(InputStream body) {
        this.reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    }

    @Override
    protected Map<String, String> readRow() {
        try {
            String line;
            do {
                line = reader.readLine();
            } while (line != null && line.isBlank());
            if (line == null) {
                return null;
            }
            try (var json = JSON.createReader(new StringReader(line))) {
                JsonObject object = json.readObject();
                return JsonRows.fields(object);
            } catch (JsonException | IllegalStateException notAnObject) {
                return Map.of(); // reported by validation as a row with every field missing
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
