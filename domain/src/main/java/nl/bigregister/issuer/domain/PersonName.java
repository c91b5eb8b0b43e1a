package nl.bigregister.issuer.domain;

/** A first or last name of a professional: present, trimmed, at most 100 characters. Never logged. */
public record PersonName(String value) {

    public static final int MAX_LENGTH = 100;

    public PersonName {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("name", "must not be blank");
        }
        value = value.strip();
        if (value.length() > MAX_LENGTH) {
            throw new InvalidValueException("name", "must be at most " + MAX_LENGTH + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException("name", "must not contain control characters");
        }
    }

    /** Builds a name, reporting a failure under the given field name. */
    public static PersonName of(String field, String value) {
        try {
            return new PersonName(value);
        } catch (InvalidValueException e) {
            throw new InvalidValueException(field, e.reason());
        }
    }

    @Override
    public String toString() {
        return "PersonName[redacted]";
    }
}
