package nl.bigregister.issuer.domain;

/** Why an issuance failed: a stable machine-readable code and a message for people (no personal data). */
public record Failure(String code, String message) {

    public Failure {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("a failure needs a code");
        }
        message = message == null ? "" : message.strip();
        if (message.length() > 500) {
            message = message.substring(0, 500);
        }
    }
}
