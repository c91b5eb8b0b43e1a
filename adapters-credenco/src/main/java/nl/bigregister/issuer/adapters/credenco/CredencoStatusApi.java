package nl.bigregister.issuer.adapters.credenco;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The status call, made on the {@code status_uri} exactly as Credenco returned it. */
@Produces(MediaType.APPLICATION_JSON)
interface CredencoStatusApi extends AutoCloseable {

    @GET
    Response status();
}
