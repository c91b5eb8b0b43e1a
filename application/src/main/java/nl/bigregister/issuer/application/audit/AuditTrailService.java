package nl.bigregister.issuer.application.audit;

import nl.bigregister.issuer.application.port.in.QueryAuditTrailQuery;
import nl.bigregister.issuer.application.port.in.RecordRefusalUseCase;
import nl.bigregister.issuer.application.port.in.VerifyAuditTrailUseCase;
import nl.bigregister.issuer.application.port.out.AuditQuery;
import nl.bigregister.issuer.application.port.out.AuditTrail;
import nl.bigregister.issuer.application.port.out.Transactions;
import nl.bigregister.issuer.domain.audit.AuditAction;
import nl.bigregister.issuer.domain.audit.AuditEvent;
import nl.bigregister.issuer.domain.audit.ChainVerification;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/** Reading and verifying the trail, and recording refused requests; each of these is itself audited. */
public final class AuditTrailService implements QueryAuditTrailQuery, VerifyAuditTrailUseCase, RecordRefusalUseCase {

    private final AuditTrail trail;
    private final Auditor auditor;
    private final Transactions transactions;

    public AuditTrailService(AuditTrail trail, Auditor auditor, Transactions transactions) {
        this.trail = trail;
        this.auditor = auditor;
        this.transactions = transactions;
    }

    @Override
    public Page find(AuditQuery query) {
        return transactions.inTransaction(() -> {
            List<AuditEvent> found = trail.find(query);
            auditor.record(AuditAction.AUDIT_QUERIED, "success", query.subject(), query.issuanceId(), Optional.empty(),
                    query.describe());
            if (found.size() <= query.limit()) {
                return new Page(found, OptionalLong.empty());
            }
            List<AuditEvent> page = List.copyOf(found.subList(0, query.limit()));
            return new Page(page, OptionalLong.of(page.getLast().sequence()));
        });
    }

    @Override
    public void export(AuditQuery query, Consumer<AuditEvent> consumer) {
        transactions.run(() -> {
            trail.forEach(query, consumer);
            auditor.record(AuditAction.AUDIT_QUERIED, "success", query.subject(), query.issuanceId(), Optional.empty(),
                    "export " + query.describe());
        });
    }

    @Override
    public ChainVerification.Result verify() {
        // Verified first, recorded after: the check covers the trail as it stood when asked.
        ChainVerification.Result result = transactions.inTransaction(trail::verify);
        transactions.run(() -> auditor.record(AuditAction.AUDIT_VERIFIED, result.valid() ? "valid" : "broken",
                Optional.empty(), Optional.empty(), Optional.empty(), result.events() + " events"));
        return result;
    }

    @Override
    public void refused(String outcome, String detail, Optional<String> issuanceId) {
        transactions.run(() -> auditor.record(AuditAction.ACCESS_REFUSED, outcome, Optional.empty(), issuanceId,
                Optional.empty(), detail));
    }
}
