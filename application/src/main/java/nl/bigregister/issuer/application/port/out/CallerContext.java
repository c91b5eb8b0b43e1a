package nl.bigregister.issuer.application.port.out;

import java.util.function.Supplier;

/** Who the current unit of work acts for; {@link Caller#SYSTEM} when nobody said. */
public interface CallerContext {

    Caller current();

    /** Runs {@code work} as {@code caller}, restoring the previous caller afterwards. */
    <T> T as(Caller caller, Supplier<T> work);

    /** For a request that spans filters: set at its start... */
    void enter(Caller caller);

    /** ...and cleared at its end. */
    void leave();
}
