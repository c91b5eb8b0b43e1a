package nl.bigregister.issuer.adapters.credenco;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import nl.bigregister.issuer.application.port.in.RecordStatusCallbackUseCase;
import nl.bigregister.issuer.application.port.in.UnknownCallbackException;
import nl.bigregister.issuer.domain.CallbackToken;
import nl.bigregister.issuer.domain.InvalidValueException;

/**
 * {@code POST /callbacks/credenco/{token}}: Credenco reports a status change. The unguessable token in the
 * path authenticates the call (no API key: Credenco does not have ours). The body is not trusted nor
 * needed: whatever it says, the status is fetched from Credenco. Answers 204 at once; an unknown token 404.
 */
@Path("callbacks/credenco")
@RequestScoped
public class CallbackResource {

    private final RecordStatusCallbackUseCase callbacks;

    @Inject
    public CallbackResource(RecordStatusCallbackUseCase callbacks) {
        this.callbacks = callbacks;
    }

    protected CallbackResource() {
        this(null); // for CDI's proxy only
    }

    @POST
    @Path("{token}")
    public Response statusChanged(@PathParam("token") String token, String ignoredBody) {
        try {
            callbacks.callbackReceived(new CallbackToken(token));
            return Response.noContent().build();
        } catch (InvalidValueException | UnknownCallbackException e) {
            return Response.status(Response.Status.NOT_FOUND).type("application/problem+json")
                    .entity("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404}").build();
        }
    }
}
