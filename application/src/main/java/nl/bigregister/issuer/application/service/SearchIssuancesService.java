package nl.bigregister.issuer.application.service;

import nl.bigregister.issuer.application.port.in.SearchIssuancesQuery;
import nl.bigregister.issuer.application.port.out.IssuanceRepository;
import nl.bigregister.issuer.application.port.out.IssuanceSearch;
import nl.bigregister.issuer.application.port.out.Transactions;
import nl.bigregister.issuer.domain.CredentialIssuance;

import java.util.List;
import java.util.Optional;

/** Lists issuances a page at a time. */
public final class SearchIssuancesService implements SearchIssuancesQuery {

    private final IssuanceRepository repository;
    private final Transactions transactions;

    public SearchIssuancesService(IssuanceRepository repository, Transactions transactions) {
        this.repository = repository;
        this.transactions = transactions;
    }

    @Override
    public Page search(IssuanceSearch search) {
        List<CredentialIssuance> found = transactions.inTransaction(() -> repository.search(search));
        if (found.size() <= search.limit()) {
            return new Page(found, Optional.empty());
        }
        List<CredentialIssuance> page = found.subList(0, search.limit());
        CredentialIssuance last = page.getLast();
        return new Page(List.copyOf(page), Optional.of(new IssuanceSearch.Position(last.createdAt(), last.id())));
    }
}
