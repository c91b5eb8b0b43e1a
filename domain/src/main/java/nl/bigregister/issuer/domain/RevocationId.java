package nl.bigregister.issuer.domain;

/** Credenco's handle for revoking an issued credential (its {@code revocation_uuid}). */
public record RevocationId(String value) {

    public RevocationId {
        if (value == null || value.isBlank() || value.length() > 100) {
            throw new InvalidValueException("revocationId", "must be 1 to 100 characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
