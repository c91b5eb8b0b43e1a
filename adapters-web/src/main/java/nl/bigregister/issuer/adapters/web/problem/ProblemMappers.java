package nl.bigregister.issuer.adapters.web.problem;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import nl.bigregister.issuer.application.port.in.BatchNotFoundException;
import nl.bigregister.issuer.application.port.in.IdempotencyKeyReusedException;
import nl.bigregister.issuer.application.port.in.IssuanceNotFoundException;
import nl.bigregister.issuer.application.port.in.RecordRefusalUseCase;
import nl.bigregister.issuer.application.port.out.ConcurrentUpdateException;
import nl.bigregister.issuer.domain.IllegalTransitionException;
import nl.bigregister.issuer.domain.InvalidValueException;

import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Turns every exception that reaches the API into a problem+json answer; nothing else leaves as an error. */
public final class ProblemMappers {

    private ProblemMappers() {
    }

    /** 400 listing each invalid field. */
    @Provider
    public static final class InvalidRequest implements ExceptionMapper<InvalidRequestException> {
        @Override
        public Response toResponse(InvalidRequestException e) {
            return Problem.of("invalid-request", "The request is invalid", Response.Status.BAD_REQUEST,
                    "One or more fields are invalid.").withErrors(e.errors()).toResponse();
        }
    }

    /** 400 for a value the domain refused (e.g. a malformed id in the path). */
    @Provider
    public static final class InvalidValue implements ExceptionMapper<InvalidValueException> {
        @Override
        public Response toResponse(InvalidValueException e) {
            return Problem.of("invalid-request", "The request is invalid", Response.Status.BAD_REQUEST,
                            "One or more fields are invalid.")
                    .withErrors(List.of(new Problem.FieldError(e.field(), e.reason()))).toResponse();
        }
    }

    /** 400 for a body that is not the JSON we expect. */
    @Provider
    public static final class MalformedJson implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return malformedBody();
        }
    }

    static Response malformedBody() {
        return Problem.of("malformed-body", "The request body is not valid JSON", Response.Status.BAD_REQUEST,
                "Send a JSON object as documented.").toResponse();
    }

    /** 404 for an unknown issuance. */
    @Provider
    public static final class NotFound implements ExceptionMapper<IssuanceNotFoundException> {
        @Override
        public Response toResponse(IssuanceNotFoundException e) {
            return Problem.of("not-found", "No such issuance", Response.Status.NOT_FOUND, e.getMessage()).toResponse();
        }
    }

    /** 409 naming the status that forbids the request; the refused attempt goes into the audit trail. */
    @Provider
    @jakarta.enterprise.context.ApplicationScoped
    public static class Conflict implements ExceptionMapper<IllegalTransitionException> {
        private final RecordRefusalUseCase refusals;

        @jakarta.inject.Inject
        public Conflict(RecordRefusalUseCase refusals) {
            this.refusals = refusals;
        }

        protected Conflict() {
            this(null); // for CDI's proxy only
        }

        @Override
        public Response toResponse(IllegalTransitionException e) {
            refusals.refused("409", e.getMessage(), java.util.Optional.of(e.issuanceId().toString()));
            return Problem.of("illegal-transition", "Not allowed in the current status", Response.Status.CONFLICT,
                    e.getMessage()).toResponse();
        }
    }

    /** 404 for a batch that does not exist or is not the caller's. */
    @Provider
    public static final class BatchNotFound implements ExceptionMapper<BatchNotFoundException> {
        @Override
        public Response toResponse(BatchNotFoundException e) {
            return Problem.of("not-found", "No such batch", Response.Status.NOT_FOUND, e.getMessage()).toResponse();
        }
    }

    /** 422: an Idempotency-Key sent again with another body (IETF idempotency-key draft). */
    @Provider
    public static final class IdempotencyKeyReused implements ExceptionMapper<IdempotencyKeyReusedException> {
        @Override
        public Response toResponse(IdempotencyKeyReusedException e) {
            return Problem.of("idempotency-key-reused", "Idempotency-Key reused", 422, e.getMessage()).toResponse();
        }
    }

    /** 409: someone else changed the issuance at the same moment; the request can simply be repeated. */
    @Provider
    public static final class ConcurrentUpdate implements ExceptionMapper<ConcurrentUpdateException> {
        @Override
        public Response toResponse(ConcurrentUpdateException e) {
            return Problem.of("concurrent-update", "Changed at the same moment", Response.Status.CONFLICT,
                    "The issuance changed while this request was handled; repeat the request.").toResponse();
        }
    }

    /** JAX-RS's own answers (unknown path, wrong method or media type, unreadable body) as problems. */
    @Provider
    public static final class WebApplication implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            if (e.getCause() instanceof JsonbException || e.getCause() instanceof ProcessingException) {
                return malformedBody();
            }
            Response original = e.getResponse();
            int status = original.getStatus();
            String title = e instanceof NotFoundException ? "Not found"
                    : e instanceof NotAllowedException ? "Method not allowed"
                    : original.getStatusInfo().getReasonPhrase();
            String detail = e instanceof ClientErrorException ? e.getMessage() : "The request could not be handled.";
            Response.ResponseBuilder answer =
                    Response.fromResponse(Problem.of("http-" + status, title, status, detail).toResponse());
            if (original.getHeaderString("Allow") != null) {
                answer.header("Allow", original.getHeaderString("Allow"));
            }
            return answer.build();
        }
    }

    /** 400 for a body JSON-B could not even read. */
    @Provider
    public static final class Processing implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            return malformedBody();
        }
    }

    /** 500 for anything unexpected: logged with an id, nothing internal in the answer. */
    @Provider
    public static final class Unexpected implements ExceptionMapper<Throwable> {
        private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

        @Override
        public Response toResponse(Throwable e) {
            String incident = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Unexpected error, incident " + incident, e);
            return Problem.of("internal-error", "Internal error", Response.Status.INTERNAL_SERVER_ERROR,
                    "Incident " + incident + " has been logged.").toResponse();
        }
    }
}
