package nl.bigregister.issuer.application.port.out;

import nl.bigregister.issuer.domain.audit.AuditEntry;
import nl.bigregister.issuer.domain.audit.AuditEvent;
import nl.bigregister.issuer.domain.audit.ChainVerification;

import java.util.List;
import java.util.function.Consumer;

/** The append-only, hash-chained audit trail. Called inside a transaction; append last, just before commit. */
public interface AuditTrail {

    void append(AuditEntry entry);

    /** Appends many entries in order, taking the chain's head once (a batch's items). */
    default void appendAll(List<AuditEntry> entries) {
        entries.forEach(this::append);
    }

    /** A page of events matching the query (one more than its limit tells whether more follow). */
    List<AuditEvent> find(AuditQuery query);

    /** Every event matching the query, oldest first, without holding them all in memory. */
    void forEach(AuditQuery query, Consumer<AuditEvent> consumer);

    /** Walks the whole chain. */
    ChainVerification.Result verify();
}
