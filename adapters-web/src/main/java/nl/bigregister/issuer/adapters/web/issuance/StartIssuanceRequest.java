package nl.bigregister.issuer.adapters.web.issuance;

import nl.bigregister.issuer.adapters.web.problem.InvalidRequestException;
import nl.bigregister.issuer.adapters.web.problem.Problem;
import nl.bigregister.issuer.domain.BigNumber;
import nl.bigregister.issuer.domain.InvalidValueException;
import nl.bigregister.issuer.domain.PersonName;
import nl.bigregister.issuer.domain.Profession;
import nl.bigregister.issuer.domain.RegistrationClaims;
import nl.bigregister.issuer.domain.Specialism;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Body of {@code POST /api/v1/issuances}. Every field arrives as text and is checked by the domain's own
 * value objects, so the API and the domain can never disagree on what is valid; all errors are reported
 * at once.
 */
public record StartIssuanceRequest(String bigNumber, String firstName, String lastName, String profession,
                                   String specialism, String registrationDate, String validUntil) {

    public RegistrationClaims toClaims() {
        List<Problem.FieldError> errors = new ArrayList<>();
        BigNumber number = field(errors, () -> new BigNumber(bigNumber));
        PersonName first = field(errors, () -> PersonName.of("firstName", firstName));
        PersonName last = field(errors, () -> PersonName.of("lastName", lastName));
        Profession prof = field(errors, () -> Profession.fromName(profession));
        Optional<Specialism> spec = specialism == null ? Optional.empty()
                : Optional.ofNullable(field(errors, () -> new Specialism(specialism)));
        LocalDate registered = field(errors, () -> date("registrationDate", registrationDate));
        LocalDate until = field(errors, () -> date("validUntil", validUntil));
        if (errors.isEmpty()) {
            field(errors, () -> new RegistrationClaims(number, first, last, prof, spec, registered, until));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new RegistrationClaims(number, first, last, prof, spec, registered, until);
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException(field, "is required (ISO date, e.g. 2026-03-19)");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "must be an ISO date, e.g. 2026-03-19");
        }
    }

    private static <T> T field(List<Problem.FieldError> errors, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidValueException e) {
            errors.add(new Problem.FieldError(e.field(), e.reason()));
            return null;
        }
    }
}
