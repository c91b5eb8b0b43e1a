package nl.bigregister.issuer.domain;

/** Raised by a value object that refuses to be built from an invalid value; names the offending field. */
public final class InvalidValueException extends IllegalArgumentException {

    private final String field;

    public InvalidValueException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The message without the field prefix, for listing per field. */
    public String reason() {
        return getMessage().substring(field.length() + 2);
    }
}
