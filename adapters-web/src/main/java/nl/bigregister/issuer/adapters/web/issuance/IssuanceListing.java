package nl.bigregister.issuer.adapters.web.issuance;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import nl.bigregister.issuer.application.port.in.SearchIssuancesQuery;
import nl.bigregister.issuer.application.port.out.IssuanceSearch;
import nl.bigregister.issuer.domain.BatchId;

import java.util.Optional;

/** Lists issuances page by page for the search and for a batch's items, from the query parameters. */
@ApplicationScoped
public class IssuanceListing {

    private final SearchIssuancesQuery searchIssuances;

    @Inject
    public IssuanceListing(SearchIssuancesQuery searchIssuances) {
        this.searchIssuances = searchIssuances;
    }

    protected IssuanceListing() {
        this(null); // for CDI's proxy only
    }

    public IssuanceList list(String bigNumber, String status, String from, String to, String limit, String cursor,
                             Optional<BatchId> batch) {
        IssuanceSearch search = SearchParameters.parse(bigNumber, status, from, to, limit, cursor);
        SearchIssuancesQuery.Page page = searchIssuances.search(batch.map(search::inBatch).orElse(search));
        return new IssuanceList(page.items().stream().map(IssuanceRepresentation::of).toList(),
                page.next().map(PageCursor::encode).orElse(null));
    }
}
