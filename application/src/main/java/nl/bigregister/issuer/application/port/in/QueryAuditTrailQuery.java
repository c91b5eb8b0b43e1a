package nl.bigregister.issuer.application.port.in;

import nl.bigregister.issuer.application.port.out.AuditQuery;
import nl.bigregister.issuer.domain.audit.AuditEvent;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

/** Auditors read the trail: a page at a time, or every matching event as an export. Both are audited. */
public interface QueryAuditTrailQuery {

    /** A page, and the sequence number to continue after when more follow. */
    record Page(List<AuditEvent> items, OptionalLong next) {
    }

    Page find(AuditQuery query);

    void export(AuditQuery query, Consumer<AuditEvent> consumer);
}
