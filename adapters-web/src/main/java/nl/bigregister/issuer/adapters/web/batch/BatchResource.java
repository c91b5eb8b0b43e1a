package nl.bigregister.issuer.adapters.web.batch;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import nl.bigregister.issuer.adapters.web.issuance.IssuanceListing;
import nl.bigregister.issuer.adapters.web.issuance.IssuanceList;
import nl.bigregister.issuer.adapters.web.problem.InvalidRequestException;
import nl.bigregister.issuer.adapters.web.problem.Problem;
import nl.bigregister.issuer.adapters.web.security.Allowed;
import nl.bigregister.issuer.adapters.web.security.Role;
import nl.bigregister.issuer.application.port.in.BatchViewer;
import nl.bigregister.issuer.application.port.in.CancelBatchUseCase;
import nl.bigregister.issuer.application.port.in.EnqueueBatchUseCase;
import nl.bigregister.issuer.application.port.in.EnqueueBatchUseCase.BatchReceipt;
import nl.bigregister.issuer.application.port.in.GetBatchQuery;
import nl.bigregister.issuer.domain.BatchId;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import static nl.bigregister.issuer.adapters.web.security.Role.ADMIN;
import static nl.bigregister.issuer.adapters.web.security.Role.AUDITOR;
import static nl.bigregister.issuer.adapters.web.security.Role.BATCH;

/** {@code /api/v1/batches}: batch jobs enqueue many issuances and follow them. */
@Path("api/v1/batches")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BatchResource {

    static final String NDJSON = "application/x-ndjson";
    static final String CSV = "text/csv";

    private final EnqueueBatchUseCase enqueue;
    private final GetBatchQuery batches;
    private final CancelBatchUseCase cancel;
    private final IssuanceListing listing;

    @Inject
    public BatchResource(EnqueueBatchUseCase enqueue, GetBatchQuery batches, CancelBatchUseCase cancel,
                         IssuanceListing listing) {
        this.enqueue = enqueue;
        this.batches = batches;
        this.cancel = cancel;
        this.listing = listing;
    }

    protected BatchResource() {
        this(null, null, null, null); // for CDI's proxy only
    }

    /** 202 with the batch id, how many rows were accepted, and each rejected row with its problems. */
    @POST
    @Consumes({MediaType.APPLICATION_JSON, NDJSON, CSV})
    @Allowed({BATCH, ADMIN})
    public Response enqueue(InputStream body, @HeaderParam("Content-Type") MediaType type,
                            @HeaderParam("Idempotency-Key") String idempotencyKey,
                            @Context SecurityContext caller, @Context UriInfo uri) {
        Optional<String> key = Optional.ofNullable(idempotencyKey).map(String::strip).filter(k -> !k.isEmpty());
        if (key.isPresent() && key.get().length() > 200) {
            throw new InvalidRequestException(List.of(new Problem.FieldError("Idempotency-Key", "must be at most 200 characters")));
        }
        HashingBody hashing = new HashingBody(body);
        BatchRowReader rows = type.isCompatible(MediaType.valueOf(CSV)) ? new CsvRows(hashing)
                : type.isCompatible(MediaType.valueOf(NDJSON)) ? new NdjsonRows(hashing)
                : new JsonRows(hashing);
        BatchReceipt receipt;
        try {
            receipt = enqueue.enqueue(new EnqueueBatchUseCase.EnqueueBatchCommand(
                    caller.getUserPrincipal().getName(), key, rows, hashing::sha256Hex));
        } catch (JsonException | UncheckedIOException | IllegalStateException e) {
            throw new InvalidRequestException(List.of(new Problem.FieldError("body",
                    "cannot be read as " + type.getType() + "/" + type.getSubtype() + ": " + e.getMessage())));
        }
        Response.ResponseBuilder answer = Response.accepted(BatchRepresentation.Receipt.of(receipt))
                .location(uri.getBaseUriBuilder().path("api/v1/batches").path(receipt.id().toString()).build());
        if (receipt.replayed()) {
            answer.header("Idempotent-Replayed", "true");
        }
        return answer.build();
    }

    @GET
    @Path("{id}")
    @Allowed({BATCH, ADMIN, AUDITOR})
    public BatchRepresentation.Progress progress(@PathParam("id") String id, @Context SecurityContext caller) {
        return BatchRepresentation.Progress.of(batches.progress(BatchId.parse(id), viewer(caller)));
    }

    @GET
    @Path("{id}/items")
    @Allowed({BATCH, ADMIN, AUDITOR})
    public IssuanceList items(@PathParam("id") String id, @QueryParam("status") String status,
                              @QueryParam("limit") String limit, @QueryParam("cursor") String cursor,
                              @Context SecurityContext caller) {
        BatchId batchId = BatchId.parse(id);
        batches.progress(batchId, viewer(caller)); // 404 unless the caller may see the batch
        return listing.list(null, status, null, null, limit, cursor, Optional.of(batchId));
    }

    @POST
    @Path("{id}/cancel")
    @Allowed({BATCH, ADMIN})
    public BatchRepresentation.Cancelled cancel(@PathParam("id") String id, @Context SecurityContext caller) {
        BatchId batchId = BatchId.parse(id);
        return new BatchRepresentation.Cancelled(batchId.toString(), cancel.cancel(batchId, viewer(caller)));
    }

    /** Admins and auditors see every batch; a batch client its own. */
    private static BatchViewer viewer(SecurityContext caller) {
        return new BatchViewer(caller.getUserPrincipal().getName(),
                caller.isUserInRole(Role.ADMIN.roleName()) || caller.isUserInRole(Role.AUDITOR.roleName()));
    }
}
