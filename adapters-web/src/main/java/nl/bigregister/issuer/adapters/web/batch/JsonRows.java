package nl.bigregister.issuer.adapters.web.batch;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/** {@code {"items": [ {...}, ... ]}} read as a stream: one item in memory at a time. */
final class JsonRows extends BatchRowReader {

    private final JsonParser parser;
    private boolean inItems;

    JsonRows(InputStream body) {
        this.parser = Json.createParser(body);
    }

    @Override
    protected Map<String, String> readRow() {
        if (!inItems) {
            findItems();
        }
        while (parser.hasNext()) {
            JsonParser.Event event = parser.next();
            if (event == JsonParser.Event.END_ARRAY) {
                return null;
            }
            if (event == JsonParser.Event.START_OBJECT) {
                return fields(parser.getObject());
            }
            // A row that is not an object: an empty row, reported by validation.
            return Map.of();
        }
        throw new JsonParsingException("the items array is not closed", parser.getLocation());
    }

    private void findItems() {
        if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
            throw new JsonParsingException("expected {\"items\": [...]}", parser.getLocation());
        }
        while (parser.hasNext()) {
            JsonParser.Event event = parser.next();
            if (event == JsonParser.Event.KEY_NAME && parser.getString().equals("items")) {
                if (parser.next() != JsonParser.Event.START_ARRAY) {
                    throw new JsonParsingException("items must be an array", parser.getLocation());
                }
                inItems = true;
                return;
            }
            if (event == JsonParser.Event.START_OBJECT) {
                parser.skipObject();
            } else if (event == JsonParser.Event.START_ARRAY) {
                parser.skipArray();
            }
        }
        throw new JsonParsingException("expected {\"items\": [...]}", parser.getLocation());
    }

    static Map<String, String> fields(JsonObject object) {
        Map<String, String> row = new HashMap<>();
        for (String name : FIELDS) {
            JsonValue value = object.get(name);
            if (value != null && value.getValueType() != JsonValue.ValueType.NULL) {
                row.put(name, value.getValueType() == JsonValue.ValueType.STRING
                        ? object.getString(name) : value.toString());
            }
        }
        return row;
    }
}
