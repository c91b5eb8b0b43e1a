package nl.bigregister.issuer.adapters.web.audit;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import nl.bigregister.issuer.adapters.web.problem.InvalidRequestException;
import nl.bigregister.issuer.adapters.web.problem.Problem;
import nl.bigregister.issuer.adapters.web.security.Allowed;
import nl.bigregister.issuer.application.port.in.QueryAuditTrailQuery;
import nl.bigregister.issuer.application.port.in.VerifyAuditTrailUseCase;
import nl.bigregister.issuer.application.port.out.AuditQuery;
import nl.bigregister.issuer.application.port.out.Caller;
import nl.bigregister.issuer.application.port.out.CallerContext;
import nl.bigregister.issuer.domain.InvalidValueException;
import nl.bigregister.issuer.domain.audit.AuditAction;
import nl.bigregister.issuer.domain.audit.ChainVerification;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static nl.bigregister.issuer.adapters.web.security.Role.ADMIN;
import static nl.bigregister.issuer.adapters.web.security.Role.AUDITOR;

/** {@code /api/v1/audit}: auditors read the trail (JSON pages, or every event as CSV) and verify the chain. */
@Path("api/v1/audit")
@RequestScoped
public class AuditResource {

    static final int DEFAULT_LIMIT = 100;

    /** A page of events and where the next starts. */
    public record AuditPage(List<AuditEventRepresentation> items, String nextCursor) {
    }

    /** The outcome of a verification. */
    public record Verification(boolean valid, long events, String head, Long firstBrokenEvent, String problem) {
    }

    private final QueryAuditTrailQuery trail;
    private final VerifyAuditTrailUseCase verifier;
    private final CallerContext callers;

    @Inject
    public AuditResource(QueryAuditTrailQuery trail, VerifyAuditTrailUseCase verifier, CallerContext callers) {
        this.trail = trail;
        this.verifier = verifier;
        this.callers = callers;
    }

    protected AuditResource() {
        this(null, null, null); // for CDI's proxy only
    }

    @GET
    @Path("events")
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed({AUDITOR, ADMIN})
    public AuditPage events(@QueryParam("subject") String subject, @QueryParam("actor") String actor,
                            @QueryParam("action") String action, @QueryParam("issuanceId") String issuanceId,
                            @QueryParam("from") String from, @QueryParam("to") String to,
                            @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        QueryAuditTrailQuery.Page page = trail.find(query(subject, actor, action, issuanceId, from, to, limit, cursor));
        return new AuditPage(page.items().stream().map(AuditEventRepresentation::of).toList(),
                page.next().isPresent() ? Long.toString(page.next().getAsLong()) : null);
    }

    /** Every matching event (not one page), streamed as CSV with a header row. */
    @GET
    @Path("events")
    @Produces("text/csv;qs=0.5") // JSON unless CSV is asked for
    @Allowed({AUDITOR, ADMIN})
    public Response export(@QueryParam("subject") String subject, @QueryParam("actor") String actor,
                           @QueryParam("action") String action, @QueryParam("issuanceId") String issuanceId,
                           @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("cursor") String cursor) {
        AuditQuery query = query(subject, actor, action, issuanceId, from, to, null, cursor);
        Caller caller = callers.current();
        StreamingOutput csv = out -> {
            CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(AuditEventRepresentation.CSV_HEADER.toArray(String[]::new))
                    .get().print(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            // Written after the request's filters ran: the export is done, and audited, as the caller.
            callers.as(caller, () -> {
                trail.export(query, event -> {
                    try {
                        printer.printRecord(AuditEventRepresentation.of(event).csvRow());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                return null;
            });
            printer.flush();
        };
        return Response.ok(csv, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"audit-events.csv\"").build();
    }

    @GET
    @Path("verify")
    @Produces(MediaType.APPLICATION_JSON)
    @Allowed({AUDITOR, ADMIN})
    public Verification verify() {
        ChainVerification.Result r = verifier.verify();
        return new Verification(r.valid(), r.events(), r.head(), r.firstBrokenSequence().orElse(null),
                r.problem().orElse(null));
    }

    private static AuditQuery query(String subject, String actor, String action, String issuanceId, String from,
                                    String to, String limit, String cursor) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Optional<AuditAction> wanted = Optional.empty();
        if (action != null && !action.isBlank()) {
            try {
                wanted = Optional.of(AuditAction.fromWireName(action));
            } catch (InvalidValueException e) {
                errors.add(new Problem.FieldError("action", e.reason()));
            }
        }
        Optional<Instant> since = instant("from", from, errors);
        Optional<Instant> until = instant("to", to, errors);
        int size = number("limit", limit, DEFAULT_LIMIT, 1, AuditQuery.MAX_LIMIT, errors);
        long after = longNumber("cursor", cursor, 0, 0, Long.MAX_VALUE, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new AuditQuery(present(subject), present(actor), wanted, present(issuanceId), since, until, size, after);
    }

    private static Optional<String> present(String text) {
        return Optional.ofNullable(text).map(String::strip).filter(t -> !t.isEmpty());
    }

    private static Optional<Instant> instant(String field, String text, List<Problem.FieldError> errors) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "must be an ISO instant, e.g. 2026-03-19T09:00:00Z"));
            return Optional.empty();
        }
    }

    private static int number(String field, String text, long fallback, long min, long max,
                              List<Problem.FieldError> errors) {
        return (int) Math.min(Integer.MAX_VALUE, longNumber(field, text, fallback, min, max, errors));
    }

    private static long longNumber(String field, String text, long fallback, long min, long max,
                                   List<Problem.FieldError> errors) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        errors.add(new Problem.FieldError(field, "must be a number from " + min + " to " + max));
        return fallback;
    }
}
