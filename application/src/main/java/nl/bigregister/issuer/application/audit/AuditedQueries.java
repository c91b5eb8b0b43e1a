package nl.bigregister.issuer.application.audit;

import nl.bigregister.issuer.application.port.in.BatchViewer;
import nl.bigregister.issuer.application.port.in.EnqueueBatchUseCase;
import nl.bigregister.issuer.application.port.in.GetBatchQuery;
import nl.bigregister.issuer.application.port.in.GetIssuanceQuery;
import nl.bigregister.issuer.application.port.in.SearchIssuancesQuery;
import nl.bigregister.issuer.application.port.in.StrikeOffUseCase;
import nl.bigregister.issuer.application.port.out.IssuanceSearch;
import nl.bigregister.issuer.application.port.out.Transactions;
import nl.bigregister.issuer.domain.BatchId;
import nl.bigregister.issuer.domain.BigNumber;
import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.audit.AuditAction;

import java.util.Optional;

/**
 * Reads of personal data recorded in the trail, in the transaction of the read: decorators of the queries
 * that clients call (the live status stream re-reads without a record; its opening is the recorded read).
 */
public final class AuditedQueries {

    private AuditedQueries() {
    }

    public static GetIssuanceQuery getIssuance(GetIssuanceQuery delegate, Auditor auditor, Transactions transactions) {
        return id -> transactions.inTransaction(() -> {
            CredentialIssuance issuance = delegate.get(id);
            auditor.record(AuditAction.ISSUANCE_READ, "success", Optional.of(issuance.bigNumber().value()),
                    Optional.of(id.toString()), Optional.empty(), "status " + issuance.status().wireName());
            return issuance;
        });
    }

    public static SearchIssuancesQuery searchIssuances(SearchIssuancesQuery delegate, Auditor auditor,
                                                       Transactions transactions) {
        return search -> transactions.inTransaction(() -> {
            SearchIssuancesQuery.Page page = delegate.search(search);
            auditor.record(AuditAction.ISSUANCES_SEARCHED, "success", search.bigNumber().map(BigNumber::value),
                    Optional.empty(), Optional.empty(), describe(search) + " -> " + page.items().size() + " found");
            return page;
        });
    }

    public static GetBatchQuery getBatch(GetBatchQuery delegate, Auditor auditor, Transactions transactions) {
        return (BatchId id, BatchViewer viewer) -> transactions.inTransaction(() -> {
            GetBatchQuery.BatchProgress progress = delegate.progress(id, viewer);
            auditor.record(AuditAction.BATCH_READ, "success", Optional.empty(), Optional.empty(), Optional.empty(),
                    "batch " + id);
            return progress;
        });
    }

    public static StrikeOffUseCase strikeOff(StrikeOffUseCase delegate, Auditor auditor, Transactions transactions) {
        return (bigNumber, reason) -> {
            StrikeOffUseCase.Outcome outcome = delegate.strikeOff(bigNumber, reason);
            transactions.run(() -> auditor.record(AuditAction.PROFESSIONAL_STRUCK_OFF, "success",
                    Optional.of(bigNumber.value()), Optional.empty(), Optional.empty(),
                    outcome.revoked().size() + " revoked, " + outcome.revocationPending().size() + " pending, "
                            + outcome.cancelled().size() + " cancelled"));
            return outcome;
        };
    }

    public static EnqueueBatchUseCase enqueueBatch(EnqueueBatchUseCase delegate, Auditor auditor,
                                                   Transactions transactions) {
        return command -> transactions.inTransaction(() -> {
            EnqueueBatchUseCase.BatchReceipt receipt = delegate.enqueue(command);
            if (!receipt.replayed()) {
                auditor.record(AuditAction.BATCH_ENQUEUED, "success", Optional.empty(), Optional.empty(),
                        Optional.empty(), "batch " + receipt.id() + ": " + receipt.accepted() + " accepted, "
                                + receipt.rejected().size() + " rejected");
            }
            return receipt;
        });
    }

    private static String describe(IssuanceSearch s) {
        StringBuilder d = new StringBuilder();
        s.bigNumber().ifPresent(v -> d.append("bigNumber=").append(v).append(' '));
        s.status().ifPresent(v -> d.append("status=").append(v.wireName()).append(' '));
        s.batchId().ifPresent(v -> d.append("batch=").append(v).append(' '));
        s.from().ifPresent(v -> d.append("from=").append(v).append(' '));
        s.to().ifPresent(v -> d.append("to=").append(v).append(' '));
        return d.toString().strip();
    }

}
