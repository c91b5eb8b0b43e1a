package nl.bigregister.issuer.application.fakes;

import nl.bigregister.issuer.application.port.out.Transactions;

import java.util.function.Supplier;

/** Transactions for tests of services: runs the work directly and counts the units of work. */
public final class DirectTransactions implements Transactions {

    private int count;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        count++;
        return work.get();
    }

    public int count() {
        return count;
    }
}
