package nl.bigregister.issuer.domain;

/**
 * A BIG registration number: exactly eleven digits.
 * No check-digit rule is applied: the register publishes none, and Credenco's own example
 * {@code 29065432101} fails the unofficial mod-11 rule that circulates.
 */
public record BigNumber(String value) {

    public BigNumber {
        if (value == null || !value.matches("[0-9]{11}")) {
            throw new InvalidValueException("bigNumber", "must be exactly 11 digits");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
