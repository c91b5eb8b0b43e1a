package nl.bigregister.issuer.application.audit;

import nl.bigregister.issuer.application.port.out.AuditTrail;
import nl.bigregister.issuer.application.port.out.Caller;
import nl.bigregister.issuer.application.port.out.CallerContext;
import nl.bigregister.issuer.domain.audit.AuditAction;
import nl.bigregister.issuer.domain.audit.AuditEntry;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Writes audit entries for the current caller; the one place entries are put together. */
public final class Auditor {

    private final AuditTrail trail;
    private final CallerContext callers;
    private final Clock clock;

    public Auditor(AuditTrail trail, CallerContext callers, Clock clock) {
        this.trail = trail;
        this.callers = callers;
        this.clock = clock;
    }

    /** Appends one entry; call it inside the transaction of what it records, as its last statement. */
    public void record(AuditAction action, String outcome, Optional<String> subject, Optional<String> issuanceId,
                       Optional<String> correlationId, String detail) {
        trail.append(entry(action, outcome, subject, issuanceId, correlationId, detail));
    }

    /** Entries for many changes at once, appended together (a batch's items). */
    public void recordAll(List<AuditEntry> entries) {
        trail.appendAll(entries);
    }

    /** An entry for the current caller, to be recorded with {@link #recordAll}. */
    public AuditEntry entry(AuditAction action, String outcome, Optional<String> subject, Optional<String> issuanceId,
                            Optional<String> correlationId, String detail) {
        Caller caller = callers.current();
        return new AuditEntry(clock.instant(), action, outcome, caller.actor(), caller.onBehalfOf(), subject,
                issuanceId, correlationId, caller.sourceAddress(), detail);
    }

    AuditTrail trail() {
        return trail;
    }

    public CallerContext callers() {
        return callers;
    }
}
