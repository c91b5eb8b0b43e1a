package nl.bigregister.issuer.adapters.web.professional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import nl.bigregister.issuer.adapters.web.issuance.RevocationRequest;
import nl.bigregister.issuer.adapters.web.security.Allowed;
import nl.bigregister.issuer.application.port.in.StrikeOffUseCase;
import nl.bigregister.issuer.domain.BigNumber;
import nl.bigregister.issuer.domain.IssuanceId;

import java.util.List;

import static nl.bigregister.issuer.adapters.web.security.Role.ADMIN;

/** {@code /api/v1/professionals/{bigNumber}/revocations}: a professional struck off the register. */
@Path("api/v1/professionals")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProfessionalResource {

    /** What striking off did. */
    public record StrikeOffAnswer(String bigNumber, List<String> revoked, List<String> revocationPending,
                                  List<String> cancelled) {
    }

    private final StrikeOffUseCase strikeOff;

    @Inject
    public ProfessionalResource(StrikeOffUseCase strikeOff) {
        this.strikeOff = strikeOff;
    }

    protected ProfessionalResource() {
        this(null); // for CDI's proxy only
    }

    /** Revokes every issued credential of the professional and cancels every open offer. */
    @POST
    @Path("{bigNumber}/revocations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Allowed({ADMIN})
    public StrikeOffAnswer revokeAll(@PathParam("bigNumber") String bigNumber, RevocationRequest body) {
        BigNumber number = new BigNumber(bigNumber);
        StrikeOffUseCase.Outcome outcome = strikeOff.strikeOff(number, RevocationRequest.reasonOf(body));
        return new StrikeOffAnswer(number.value(), ids(outcome.revoked()), ids(outcome.revocationPending()),
                ids(outcome.cancelled()));
    }

    private static List<String> ids(List<IssuanceId> ids) {
        return ids.stream().map(IssuanceId::toString).toList();
    }
}
