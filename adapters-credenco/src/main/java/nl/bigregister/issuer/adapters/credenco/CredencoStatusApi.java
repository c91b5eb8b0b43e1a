package nl.bigregister.issuer.adapters.credenco;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The status call on the {@code status_uri} Credenco returned: on a client for its parent, with the last
 * segment as the id, or on a client for the whole URI.
 */
@Produces(MediaType.APPLICATION_JSON)
interface CredencoStatusApi extends AutoCloseable {

    @GET
    @Path("{id}")
    Response status(@PathParam("id") String id);

    @GET
    Response status();
}
