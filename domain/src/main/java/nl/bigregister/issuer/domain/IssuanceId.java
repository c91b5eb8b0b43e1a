package nl.bigregister.issuer.domain;

import java.util.Objects;
import java.util.UUID;

/** Identity of a CredentialIssuance, as clients see it. */
public record IssuanceId(UUID value) {

    public IssuanceId {
        Objects.requireNonNull(value, "value");
    }

    public static IssuanceId generate() {
        return new IssuanceId(UUID.randomUUID());
    }

    /** Parses the textual form, refusing anything that is not a UUID. */
    public static IssuanceId parse(String text) {
        try {
            return new IssuanceId(UUID.fromString(text));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidValueException("id", "must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
