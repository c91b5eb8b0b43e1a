package nl.bigregister.issuer.adapters.web.batch;

import jakarta.json.stream.JsonParsingException;
import nl.bigregister.issuer.application.port.in.BatchLine;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The three batch formats read to the same checked lines, one row at a time. */
class BatchRowsTest {

    static final String GOOD = "\"reference\":\"r-%d\",\"bigNumber\":\"29065432101\",\"firstName\":\"Sophie\",\"lastName\":\"de Vries\","
            + "\"profession\":\"Physiotherapist\",\"registrationDate\":\"2026-03-19\",\"validUntil\":\"2031-03-19\"";

    static InputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    static List<BatchLine> all(BatchRowReader reader) {
        List<BatchLine> lines = new ArrayList<>();
        reader.forEachRemaining(lines::add);
        return lines;
    }

    @Test
    void jsonItemsAreCheckedOneByOne() {
        List<BatchLine> lines = all(new JsonRows(body("{\"meta\":{\"x\":[1,2]},\"items\":[{" + GOOD.formatted(0) + "},"
                + "{\"reference\":\"r-1\",\"bigNumber\":\"12\",\"lastName\":\"\"},{" + GOOD.formatted(2) + ",\"specialism\":\"\"}],\"tail\":true}")));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isInstanceOf(BatchLine.Valid.class);
        assertThat(lines.get(1)).isInstanceOfSatisfying(BatchLine.Invalid.class, invalid -> {
            assertThat(invalid.reference()).isEqualTo("r-1");
            assertThat(invalid.errors()).extracting(e -> e.field()).contains("bigNumber", "firstName", "lastName",
                    "profession", "registrationDate", "validUntil");
        });
        assertThat(lines.get(2)).isInstanceOfSatisfying(BatchLine.Valid.class,
                valid -> assertThat(valid.claims().specialism()).isEmpty());
    }

    @Test
    void ndjsonLinesAndCsvRecordsReadTheSame() {
        List<BatchLine> ndjson = all(new NdjsonRows(body("{" + GOOD.formatted(0) + "}\n\n{\"reference\":\"\"}\nnot json\n")));
        assertThat(ndjson).hasSize(3);
        assertThat(ndjson.get(0)).isInstanceOf(BatchLine.Valid.class);
        assertThat(ndjson.get(1)).isInstanceOfSatisfying(BatchLine.Invalid.class,
                i -> assertThat(i.errors()).extracting(e -> e.field()).contains("reference"));
        assertThat(ndjson.get(2)).isInstanceOf(BatchLine.Invalid.class);

        List<BatchLine> csv = all(new CsvRows(body("""
                reference,bigNumber,firstName,lastName,profession,specialism,registrationDate,validUntil
                r-0,29065432101,Sophie,"de Vries, jr.",Physiotherapist,,2026-03-19,2031-03-19
                r-1,29065432101,Sophie,de Vries,Wizard,,2026-03-19,2031-03-19
                """)));
        assertThat(csv).hasSize(2);
        assertThat(csv.get(0)).isInstanceOfSatisfying(BatchLine.Valid.class,
                v -> assertThat(v.claims().lastName().value()).isEqualTo("de Vries, jr."));
        assertThat(csv.get(1)).isInstanceOfSatisfying(BatchLine.Invalid.class,
                i -> assertThat(i.errors()).extracting(e -> e.field()).containsExactly("profession"));
    }

    @Test
    void malformedJsonFailsTheWholeRequest() {
        assertThatThrownBy(() -> all(new JsonRows(body("{\"items\":[{" + GOOD.formatted(0) + "},{\"bigN"))))
                .isInstanceOf(JsonParsingException.class);
        assertThatThrownBy(() -> all(new JsonRows(body("[1,2]")))).isInstanceOf(JsonParsingException.class);
    }

    @Test
    void moreThanTheLimitIsRefused() {
        StringBuilder ndjson = new StringBuilder();
        for (int i = 0; i <= BatchLimits.MAX_ITEMS; i++) {
            ndjson.append("{}\n");
        }
        assertThatThrownBy(() -> all(new NdjsonRows(body(ndjson.toString()))))
                .isInstanceOf(BatchLimits.TooLargeException.class);
    }

    @Test
    void theHashCoversTheWholeBody() {
        HashingBody a = new HashingBody(body("{\"items\":[]}   "));
        all(new JsonRows(a));
        HashingBody b = new HashingBody(body("{\"items\":[]}"));
        all(new JsonRows(b));
        assertThat(a.sha256Hex()).isNotEqualTo(b.sha256Hex()).hasSize(64);
    }
}
