package nl.bigregister.issuer.application.service;

import nl.bigregister.issuer.application.port.in.GetIssuanceQuery;
import nl.bigregister.issuer.application.port.in.IssuanceNotFoundException;
import nl.bigregister.issuer.application.port.out.IssuanceRepository;
import nl.bigregister.issuer.application.port.out.Transactions;
import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.IssuanceId;

/** Reads one issuance. */
public final class GetIssuanceService implements GetIssuanceQuery {

    private final IssuanceRepository repository;
    private final Transactions transactions;

    public GetIssuanceService(IssuanceRepository repository, Transactions transactions) {
        this.repository = repository;
        this.transactions = transactions;
    }

    @Override
    public CredentialIssuance get(IssuanceId id) {
        return transactions.inTransaction(() -> repository.find(id))
                .orElseThrow(() -> new IssuanceNotFoundException(id));
    }
}
