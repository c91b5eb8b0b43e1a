package nl.bigregister.issuer.adapters.web.issuance;

import nl.bigregister.issuer.adapters.web.problem.InvalidRequestException;
import nl.bigregister.issuer.adapters.web.problem.Problem;
import nl.bigregister.issuer.application.port.out.IssuanceSearch;
import nl.bigregister.issuer.domain.BigNumber;
import nl.bigregister.issuer.domain.InvalidValueException;
import nl.bigregister.issuer.domain.IssuanceStatus;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The query parameters of {@code GET /api/v1/issuances}, checked all at once. */
final class SearchParameters {

    static final int DEFAULT_LIMIT = 50;

    private SearchParameters() {
    }

    static IssuanceSearch parse(String bigNumber, String status, String from, String to, String limit, String cursor) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Optional<BigNumber> number = optional(errors, bigNumber, () -> new BigNumber(bigNumber));
        Optional<IssuanceStatus> wanted = optional(errors, status, () -> IssuanceStatus.fromWireName(status));
        Optional<Instant> since = optional(errors, from, () -> instant("from", from));
        Optional<Instant> until = optional(errors, to, () -> instant("to", to));
        int size = DEFAULT_LIMIT;
        if (limit != null) {
            try {
                size = Integer.parseInt(limit);
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > IssuanceSearch.MAX_LIMIT) {
                errors.add(new Problem.FieldError("limit", "must be 1 to " + IssuanceSearch.MAX_LIMIT));
            }
        }
        Optional<IssuanceSearch.Position> after = Optional.empty();
        if (cursor != null) {
            try {
                after = Optional.of(PageCursor.decode(cursor));
            } catch (InvalidRequestException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new IssuanceSearch(number, wanted, since, until, size, after);
    }

    private static Instant instant(String field, String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidValueException(field, "must be an ISO instant, e.g. 2026-03-19T09:00:00Z");
        }
    }

    private static <T> Optional<T> optional(List<Problem.FieldError> errors, String raw, Supplier<T> parse) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse.get());
        } catch (InvalidValueException e) {
            errors.add(new Problem.FieldError(e.field(), e.reason()));
            return Optional.empty();
        }
    }
}
