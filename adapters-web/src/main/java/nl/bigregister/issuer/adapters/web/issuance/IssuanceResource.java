package nl.bigregister.issuer.adapters.web.issuance;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import nl.bigregister.issuer.adapters.web.problem.InvalidRequestException;
import nl.bigregister.issuer.adapters.web.security.Allowed;
import nl.bigregister.issuer.adapters.web.problem.Problem;
import nl.bigregister.issuer.application.port.in.GetIssuanceQuery;
import nl.bigregister.issuer.application.port.in.StartIssuanceCommand;
import nl.bigregister.issuer.application.port.in.StartIssuanceUseCase;
import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.IssuanceId;
import nl.bigregister.issuer.domain.IssuanceStatus;

import java.util.List;

import static nl.bigregister.issuer.adapters.web.security.Role.ADMIN;
import static nl.bigregister.issuer.adapters.web.security.Role.AUDITOR;
import static nl.bigregister.issuer.adapters.web.security.Role.BATCH;
import static nl.bigregister.issuer.adapters.web.security.Role.PORTAL;


/** {@code /api/v1/issuances}: portals start an issuance and follow it. */
@Path("api/v1/issuances")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class IssuanceResource {

    private final StartIssuanceUseCase startIssuance;
    private final GetIssuanceQuery getIssuance;

    @Inject
    public IssuanceResource(StartIssuanceUseCase startIssuance, GetIssuanceQuery getIssuance) {
        this.startIssuance = startIssuance;
        this.getIssuance = getIssuance;
    }

    protected IssuanceResource() {
        this(null, null); // for CDI's proxy only
    }

    /** 201 with the offer, 202 while Credenco is unavailable (kept and retried), 201 {@code failed} when refused. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed({PORTAL, BATCH, ADMIN})
    public Response start(StartIssuanceRequest body, @Context SecurityContext caller, @Context UriInfo uri) {
        if (body == null) {
            throw new InvalidRequestException(List.of(new Problem.FieldError("body", "is required")));
        }
        CredentialIssuance issuance = startIssuance.start(
                new StartIssuanceCommand(body.toClaims(), caller.getUserPrincipal().getName()));
        Response.ResponseBuilder answer = issuance.status() == IssuanceStatus.REQUESTED
                ? Response.accepted() : Response.status(Response.Status.CREATED);
        return answer.location(uri.getBaseUriBuilder().path("api/v1/issuances").path(issuance.id().toString()).build())
                .entity(IssuanceRepresentation.of(issuance))
                .build();
    }

    @GET
    @Path("{id}")
    @Allowed({PORTAL, BATCH, ADMIN, AUDITOR})
    public IssuanceRepresentation get(@PathParam("id") String id) {
        return IssuanceRepresentation.of(getIssuance.get(IssuanceId.parse(id)));
    }
}
