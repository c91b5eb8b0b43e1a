package nl.bigregister.issuer.application;

import nl.bigregister.issuer.application.fakes.DirectTransactions;
import nl.bigregister.issuer.application.fakes.InMemoryBatchRepository;
import nl.bigregister.issuer.application.fakes.InMemoryIssuanceQueue;
import nl.bigregister.issuer.application.fakes.InMemoryIssuanceRepository;
import nl.bigregister.issuer.application.port.out.BatchRepository;
import nl.bigregister.issuer.application.port.out.IssuanceQueue;
import nl.bigregister.issuer.application.port.out.IssuanceRepository;
import nl.bigregister.issuer.application.port.out.Transactions;

import java.time.Clock;

/** The fakes keep batches as the database does. */
class InMemoryBatchStorageTest extends BatchStorageContract {

    private final InMemoryIssuanceRepository issuances = new InMemoryIssuanceRepository();
    private final InMemoryBatchRepository batches = new InMemoryBatchRepository();
    private final InMemoryIssuanceQueue queue = new InMemoryIssuanceQueue(Clock.systemUTC(),
            b -> issuances.findRequestedInBatch(b, Integer.MAX_VALUE));
    private final DirectTransactions transactions = new DirectTransactions();

    @Override
    protected IssuanceRepository issuances() {
        return issuances;
    }

    @Override
    protected BatchRepository batches() {
        return batches;
    }

    @Override
    protected IssuanceQueue queue() {
        return queue;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }
}
