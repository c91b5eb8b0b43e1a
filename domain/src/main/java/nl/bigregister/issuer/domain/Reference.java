package nl.bigregister.issuer.domain;

/**
 * A batch job's own key for one item (e.g. its row id): unique per client, so that running the same batch
 * file twice never issues twice.
 */
public record Reference(String value) {

    public Reference {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("reference", "is required");
        }
        value = value.strip();
        if (value.length() > 100) {
            throw new InvalidValueException("reference", "must be at most 100 characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException("reference", "must not contain control characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
