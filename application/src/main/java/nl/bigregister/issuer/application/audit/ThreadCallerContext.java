package nl.bigregister.issuer.application.audit;

import nl.bigregister.issuer.application.port.out.Caller;
import nl.bigregister.issuer.application.port.out.CallerContext;

import java.util.function.Supplier;

/** The caller of the work running on this thread: set per request by the web adapter, per task by workers. */
public final class ThreadCallerContext implements CallerContext {

    private final ThreadLocal<Caller> current = new ThreadLocal<>();

    @Override
    public Caller current() {
        Caller caller = current.get();
        return caller == null ? Caller.SYSTEM : caller;
    }

    @Override
    public <T> T as(Caller caller, Supplier<T> work) {
        Caller before = current.get();
        current.set(caller);
        try {
            return work.get();
        } finally {
            if (before == null) {
                current.remove();
            } else {
                current.set(before);
            }
        }
    }

    @Override
    public void enter(Caller caller) {
        current.set(caller);
    }

    @Override
    public void leave() {
        current.remove();
    }
}
