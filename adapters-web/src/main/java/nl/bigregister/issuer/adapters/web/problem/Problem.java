package nl.bigregister.issuer.adapters.web.problem;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;

/** An RFC 9457 problem details body; every error the API answers is one of these. */
public record Problem(URI type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://big-issuer.example/problems/";

    /** One invalid field of a request. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(String slug, String title, Response.Status status, String detail) {
        return of(slug, title, status.getStatusCode(), detail);
    }

    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(URI.create(TYPE_BASE + slug), title, status, detail, null);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, List.copyOf(fieldErrors));
    }

    public Response toResponse() {
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(this).build();
    }
}
