package nl.bigregister.issuer.adapters.web.batch;

import nl.bigregister.issuer.adapters.web.issuance.StartIssuanceRequest;
import nl.bigregister.issuer.adapters.web.problem.InvalidRequestException;
import nl.bigregister.issuer.application.port.in.BatchLine;
import nl.bigregister.issuer.application.port.out.BatchRepository.FieldProblem;
import nl.bigregister.issuer.domain.InvalidValueException;
import nl.bigregister.issuer.domain.Reference;
import nl.bigregister.issuer.domain.RegistrationClaims;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Turns the rows of a batch request, whatever its format, into checked lines, one at a time: each row is
 * validated on its own by the same rules as a single start. Counts rows against the limit.
 */
abstract class BatchRowReader implements Iterator<BatchLine> {

    static final List<String> FIELDS = List.of("reference", "bigNumber", "firstName", "lastName", "profession",
            "specialism", "registrationDate", "validUntil");

    private int index;
    private Map<String, String> next;
    private boolean ended;

    /** The next row as field → text, or null at the end. */
    protected abstract Map<String, String> readRow();

    @Override
    public final boolean hasNext() {
        if (next == null && !ended) {
            next = readRow();
            ended = next == null;
        }
        return next != null;
    }

    @Override
    public final BatchLine next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        if (index >= BatchLimits.MAX_ITEMS) {
            throw new BatchLimits.TooLargeException("a batch holds at most " + BatchLimits.MAX_ITEMS + " items");
        }
        Map<String, String> row = next;
        next = null;
        return line(index++, row);
    }

    static BatchLine line(int index, Map<String, String> row) {
        List<FieldProblem> errors = new ArrayList<>();
        String referenceText = row.get("reference");
        Reference reference = null;
        try {
            reference = new Reference(referenceText);
        } catch (InvalidValueException e) {
            errors.add(new FieldProblem(e.field(), e.reason()));
        }
        RegistrationClaims claims = null;
        try {
            claims = new StartIssuanceRequest(row.get("bigNumber"), row.get("firstName"), row.get("lastName"),
                    row.get("profession"), blankToNull(row.get("specialism")), row.get("registrationDate"),
                    row.get("validUntil")).toClaims();
        } catch (InvalidRequestException e) {
            e.errors().forEach(f -> errors.add(new FieldProblem(f.field(), f.message())));
        }
        return errors.isEmpty() ? new BatchLine.Valid(index, reference, claims)
                : new BatchLine.Invalid(index, referenceText, errors);
    }

    /** An empty CSV cell or JSON string means "no specialism", as an absent one does. */
    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
