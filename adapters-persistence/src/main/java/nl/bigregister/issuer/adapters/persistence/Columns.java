package nl.bigregister.issuer.adapters.persistence;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Reads values of native-query rows, which the JDBC drivers hand over in different Java types. */
final class Columns {

    private Columns() {
    }

    static UUID uuid(Object value) {
        return switch (value) {
            case UUID u -> u;
            case byte[] b when b.length == 16 -> {
                ByteBuffer buffer = ByteBuffer.wrap(b);
                yield new UUID(buffer.getLong(), buffer.getLong());
            }
            case String s -> UUID.fromString(s);
            default -> throw new IllegalStateException("unexpected UUID type " + value.getClass());
        };
    }

    static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case java.sql.Timestamp t -> t.toInstant();
            case java.time.ZonedDateTime z -> z.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp type " + value.getClass());
        };
    }
}
