package nl.bigregister.issuer.application;

import nl.bigregister.issuer.application.fakes.DirectTransactions;
import nl.bigregister.issuer.application.fakes.InMemoryIssuanceQueue;
import nl.bigregister.issuer.application.fakes.InMemoryIssuanceRepository;
import nl.bigregister.issuer.application.port.out.IssuanceQueue;
import nl.bigregister.issuer.application.port.out.IssuanceRepository;
import nl.bigregister.issuer.application.port.out.Transactions;

import java.time.Clock;

/** The fake queue obeys the same contract as the database one. */
class InMemoryIssuanceQueueTest extends IssuanceQueueContract {

    private final InMemoryIssuanceQueue queue = new InMemoryIssuanceQueue(Clock.systemUTC());
    private final InMemoryIssuanceRepository repository = new InMemoryIssuanceRepository();
    private final DirectTransactions transactions = new DirectTransactions();

    @Override
    protected IssuanceQueue queue() {
        return queue;
    }

    @Override
    protected IssuanceRepository repository() {
        return repository;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }
}
