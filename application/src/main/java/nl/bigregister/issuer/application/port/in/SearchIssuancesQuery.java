package nl.bigregister.issuer.application.port.in;

import nl.bigregister.issuer.application.port.out.IssuanceSearch;
import nl.bigregister.issuer.domain.CredentialIssuance;

import java.util.List;
import java.util.Optional;

/** Lists issuances, e.g. the open offer of the professional who just logged in, page by page. */
public interface SearchIssuancesQuery {

    /** A page, and where the next one starts when there is one. */
    record Page(List<CredentialIssuance> items, Optional<IssuanceSearch.Position> next) {
    }

    Page search(IssuanceSearch search);
}
