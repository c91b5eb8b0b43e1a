package nl.bigregister.issuer.adapters.web.batch;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import nl.bigregister.issuer.adapters.web.problem.Problem;

/** 413 for a batch request over the limits; nothing of it was stored. */
@Provider
public final class TooLargeMapper implements ExceptionMapper<BatchLimits.TooLargeException> {

    @Override
    public Response toResponse(BatchLimits.TooLargeException e) {
        return Problem.of("too-large", "Batch too large", Response.Status.REQUEST_ENTITY_TOO_LARGE,
                e.getMessage() + "; nothing was stored. Split it into smaller batches.").toResponse();
    }
}
