package nl.bigregister.issuer.adapters.credenco;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Credenco's documented v2 calls, as a MicroProfile Rest Client. Answers are read raw and checked. */
@Path("/api/v2/credential")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
interface CredencoApi extends AutoCloseable {

    @POST
    @Path("/issue")
    Response issue(IssueRequest request);

    @POST
    @Path("/revoke")
    Response revoke(RevokeRequest request);
}
