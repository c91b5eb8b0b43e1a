package nl.bigregister.issuer.application;

import nl.bigregister.issuer.application.fakes.DirectTransactions;
import nl.bigregister.issuer.application.fakes.InMemoryIssuanceRepository;
import nl.bigregister.issuer.application.port.out.IssuanceRepository;
import nl.bigregister.issuer.application.port.out.Transactions;

/** The fake obeys the same contract as the real repository, so service tests on it mean something. */
class InMemoryIssuanceRepositoryTest extends IssuanceRepositoryContract {

    private final InMemoryIssuanceRepository repository = new InMemoryIssuanceRepository();
    private final DirectTransactions transactions = new DirectTransactions();

    @Override
    protected IssuanceRepository repository() {
        return repository;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }
}
