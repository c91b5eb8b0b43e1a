package nl.bigregister.issuer.application.port.out;

import java.util.function.Supplier;

/** Runs a unit of work in one database transaction: all of its changes are stored, or none. */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
