package nl.bigregister.issuer.domain;

import java.util.Objects;
import java.util.UUID;

/** Identity of a batch of issuances enqueued together. */
public record BatchId(UUID value) {

    public BatchId {
        Objects.requireNonNull(value, "value");
    }

    public static BatchId generate() {
        return new BatchId(UUID.randomUUID());
    }

    public static BatchId parse(String text) {
        try {
            return new BatchId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidValueException("id", "must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
