package nl.bigregister.issuer.adapters.web.issuance;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.IssuanceStatus;

import java.net.URI;

/** How the API answers with an issuance after starting or renewing it. */
final class IssuanceAnswers {

    private IssuanceAnswers() {
    }

    static URI location(UriInfo uri, CredentialIssuance issuance) {
        return uri.getBaseUriBuilder().path("api/v1/issuances").path(issuance.id().toString()).build();
    }

    /** 201 with the offer (or the failure); 202 while it waits for Credenco. */
    static Response created(UriInfo uri, CredentialIssuance issuance) {
        Response.ResponseBuilder answer = issuance.status() == IssuanceStatus.REQUESTED
                ? Response.accepted() : Response.status(Response.Status.CREATED);
        return answer.location(location(uri, issuance)).entity(IssuanceRepresentation.of(issuance)).build();
    }
}
