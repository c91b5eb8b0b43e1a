package nl.bigregister.issuer.adapters.web.batch;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/** {@code text/csv} with a header row naming the fields (RFC 4180 quoting), read record by record. */
final class CsvRows extends BatchRowReader {

    private final Iterator<CSVRecord> records;

    CsvRows(InputStream body) {
        try {
            CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                    .setIgnoreEmptyLines(true).setTrim(true).get()
                    .parse(new InputStreamReader(body, StandardCharsets.UTF_8));
            this.records = parser.iterator();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Map<String, String> readRow() {
        if (!records.hasNext()) {
            return null;
        }
        CSVRecord record = records.next();
        Map<String, String> row = new HashMap<>();
        for (String name : FIELDS) {
            if (record.isMapped(name) && record.isSet(name)) {
                row.put(name, record.get(name));
            }
        }
        return row;
    }
}
