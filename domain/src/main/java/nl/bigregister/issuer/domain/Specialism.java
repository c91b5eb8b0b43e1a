package nl.bigregister.issuer.domain;

/** A registered specialism (e.g. "Sports Physiotherapy"): present, trimmed, at most 100 characters. */
public record Specialism(String value) {

    public static final int MAX_LENGTH = 100;

    public Specialism {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("specialism", "must not be blank when given");
        }
        value = value.strip();
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValueException("specialism", "must be at most " + MAX_LENGTH + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException("specialism", "must not contain control characters");
        }
    }
}
