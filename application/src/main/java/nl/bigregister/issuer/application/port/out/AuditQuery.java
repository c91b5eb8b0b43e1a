package nl.bigregister.issuer.application.port.out;

import nl.bigregister.issuer.domain.audit.AuditAction;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Which audit events to list, oldest first, after a sequence number (keyset pagination). */
public record AuditQuery(Optional<String> subject, Optional<String> actor, Optional<AuditAction> action,
                         Optional<String> issuanceId, Optional<Instant> from, Optional<Instant> to,
                         int limit, long afterSequence) {

    public static final int MAX_LIMIT = 1000;

    public AuditQuery {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(issuanceId, "issuanceId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    /** A short, name-free description of the filters, for the audit event of the query itself. */
    public String describe() {
        StringBuilder d = new StringBuilder();
        subject.ifPresent(v -> d.append("subject=").append(v).append(' '));
        actor.ifPresent(v -> d.append("actor=").append(v).append(' '));
        action.ifPresent(v -> d.append("action=").append(v.wireName()).append(' '));
        issuanceId.ifPresent(v -> d.append("issuanceId=").append(v).append(' '));
        from.ifPresent(v -> d.append("from=").append(v).append(' '));
        to.ifPresent(v -> d.append("to=").append(v).append(' '));
        return d.toString().strip();
    }
}
