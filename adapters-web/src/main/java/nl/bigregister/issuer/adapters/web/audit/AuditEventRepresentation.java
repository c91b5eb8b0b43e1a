package nl.bigregister.issuer.adapters.web.audit;

import nl.bigregister.issuer.domain.audit.AuditEvent;

import java.time.Instant;
import java.util.List;

/** An audit event as auditors see it, in JSON and as a CSV row. */
public record AuditEventRepresentation(long sequence, String id, Instant occurredAt, String action, String outcome,
                                       String actor, String onBehalfOf, String subject, String issuanceId,
                                       String correlationId, String sourceAddress, String detail, String previousHash,
                                       String hash) {

    static final List<String> CSV_HEADER = List.of("sequence", "id", "occurredAt", "action", "outcome", "actor",
            "onBehalfOf", "subject", "issuanceId", "correlationId", "sourceAddress", "detail", "previousHash", "hash");

    static AuditEventRepresentation of(AuditEvent e) {
        var entry = e.entry();
        return new AuditEventRepresentation(e.sequence(), e.id().toString(), entry.occurredAt(), entry.action().wireName(),
                entry.outcome(), entry.actor(), entry.onBehalfOf().orElse(null), entry.subject().orElse(null),
                entry.issuanceId().orElse(null), entry.correlationId().orElse(null),
                entry.sourceAddress().orElse(null), entry.detail(), e.previousHash(), e.hash());
    }

    List<Object> csvRow() {
        return java.util.Arrays.asList(sequence, id, occurredAt, action, outcome, actor, onBehalfOf, subject, issuanceId,
                correlationId, sourceAddress, detail, previousHash, hash);
    }
}
