package nl.bigregister.issuer.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** What the BIG registration credential asserts about one professional. Personal data: never logged. */
public record RegistrationClaims(
        BigNumber bigNumber,
        PersonName firstName,
        PersonName lastName,
        Profession profession,
        Optional<Specialism> specialism,
        LocalDate registrationDate,
        LocalDate validUntil) {

    public RegistrationClaims {
        Objects.requireNonNull(bigNumber, "bigNumber");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
        Objects.requireNonNull(profession, "profession");
        Objects.requireNonNull(specialism, "specialism");
        if (registrationDate == null) {
            throw new InvalidValueException("registrationDate", "is required");
        }
        if (validUntil == null) {
            throw new InvalidValueException("validUntil", "is required");
        }
        if (!validUntil.isAfter(registrationDate)) {
            throw new InvalidValueException("validUntil", "must be after registrationDate");
        }
    }

    @Override
    public String toString() {
        return "RegistrationClaims[bigNumber=" + bigNumber + ", profession=" + profession + "]";
    }
}
