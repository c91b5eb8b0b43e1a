package nl.bigregister.issuer.adapters.web.issuance;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import nl.bigregister.issuer.adapters.web.problem.InvalidRequestException;
import nl.bigregister.issuer.adapters.web.problem.Problem;
import nl.bigregister.issuer.adapters.web.security.Allowed;
import nl.bigregister.issuer.application.port.in.CancelIssuanceUseCase;
import nl.bigregister.issuer.application.port.in.GetIssuanceQuery;
import nl.bigregister.issuer.application.port.in.RenewIssuanceUseCase;
import nl.bigregister.issuer.application.port.in.RevokeIssuanceUseCase;
import nl.bigregister.issuer.application.port.in.StartIssuanceCommand;
import nl.bigregister.issuer.application.port.in.StartIssuanceUseCase;
import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.IssuanceId;
import nl.bigregister.issuer.domain.IssuanceStatus;

import java.util.List;
import java.util.Optional;

import static nl.bigregister.issuer.adapters.web.security.Role.ADMIN;
import static nl.bigregister.issuer.adapters.web.security.Role.AUDITOR;
import static nl.bigregister.issuer.adapters.web.security.Role.BATCH;
import static nl.bigregister.issuer.adapters.web.security.Role.PORTAL;

/** {@code /api/v1/issuances}: portals start an issuance, follow it, renew or cancel it; admins revoke. */
@Path("api/v1/issuances")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class IssuanceResource {

    private final StartIssuanceUseCase startIssuance;
    private final GetIssuanceQuery getIssuance;
    private final IssuanceListing listing;
    private final RenewIssuanceUseCase renewIssuance;
    private final CancelIssuanceUseCase cancelIssuance;
    private final RevokeIssuanceUseCase revokeIssuance;
    private final LiveStatus liveStatus;

    @Inject
    public IssuanceResource(StartIssuanceUseCase startIssuance, GetIssuanceQuery getIssuance,
                            IssuanceListing listing, RenewIssuanceUseCase renewIssuance,
                            CancelIssuanceUseCase cancelIssuance, RevokeIssuanceUseCase revokeIssuance,
                            LiveStatus liveStatus) {
        this.startIssuance = startIssuance;
        this.getIssuance = getIssuance;
        this.listing = listing;
        this.renewIssuance = renewIssuance;
        this.cancelIssuance = cancelIssuance;
        this.revokeIssuance = revokeIssuance;
        this.liveStatus = liveStatus;
    }

    protected IssuanceResource() {
        this(null, null, null, null, null, null, null); // for CDI's proxy only
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
        return IssuanceAnswers.created(uri, issuance);
    }

    @GET
    @Path("{id}")
    @Allowed({PORTAL, BATCH, ADMIN, AUDITOR})
    public IssuanceRepresentation get(@PathParam("id") String id) {
        return IssuanceRepresentation.of(getIssuance.get(IssuanceId.parse(id)));
    }

    /** Oldest first, keyset-paginated: pass {@code nextCursor} as {@code cursor} for the next page. */
    @GET
    @Allowed({PORTAL, ADMIN, AUDITOR})
    public IssuanceList search(@QueryParam("bigNumber") String bigNumber, @QueryParam("status") String status,
                               @QueryParam("from") String from, @QueryParam("to") String to,
                               @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return listing.list(bigNumber, status, from, to, limit, cursor, Optional.empty());
    }

    /** A new offer after {@code expired} or {@code failed}; answers like the start. */
    @POST
    @Path("{id}/renew")
    @Allowed({PORTAL, ADMIN})
    public Response renew(@PathParam("id") String id, @Context UriInfo uri) {
        return IssuanceAnswers.created(uri, renewIssuance.renew(IssuanceId.parse(id)));
    }

    @POST
    @Path("{id}/cancel")
    @Allowed({PORTAL, ADMIN})
    public IssuanceRepresentation cancel(@PathParam("id") String id) {
        return IssuanceRepresentation.of(cancelIssuance.cancel(IssuanceId.parse(id)));
    }

    /** 200 {@code revoked}, or 202 with the revocation pending while Credenco is unavailable. */
    @POST
    @Path("{id}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed({ADMIN})
    public Response revoke(@PathParam("id") String id, RevocationRequest body) {
        CredentialIssuance issuance = revokeIssuance.revoke(IssuanceId.parse(id), RevocationRequest.reasonOf(body));
        return Response.status(issuance.status() == IssuanceStatus.REVOKED ? 200 : 202)
                .entity(IssuanceRepresentation.of(issuance)).build();
    }

    /** Server-sent events: {@code status} with the issuance now and on every change, until it settles. */
    @GET
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Allowed({PORTAL, ADMIN})
    public void events(@PathParam("id") String id, @Context SseEventSink sink, @Context Sse sse) {
        CredentialIssuance current = getIssuance.get(IssuanceId.parse(id));
        liveStatus.follow(current, sink, sse);
    }
}
