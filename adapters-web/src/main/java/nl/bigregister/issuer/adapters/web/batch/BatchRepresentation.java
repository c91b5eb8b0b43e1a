package nl.bigregister.issuer.adapters.web.batch;

import nl.bigregister.issuer.application.port.in.EnqueueBatchUseCase.BatchReceipt;
import nl.bigregister.issuer.application.port.in.GetBatchQuery.BatchProgress;
import nl.bigregister.issuer.application.port.out.BatchRepository.Rejection;
import nl.bigregister.issuer.adapters.web.problem.Problem;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the batch endpoints answer. */
final class BatchRepresentation {

    private BatchRepresentation() {
    }

    /** A rejected row: where it was, its reference, and every problem with it. */
    public record RejectedRow(int index, String reference, List<Problem.FieldError> errors) {
        static RejectedRow of(Rejection r) {
            return new RejectedRow(r.index(), r.reference(),
                    r.errors().stream().map(e -> new Problem.FieldError(e.field(), e.message())).toList());
        }
    }

    /** The answer to enqueueing. */
    public record Receipt(String id, int accepted, List<RejectedRow> rejected) {
        static Receipt of(BatchReceipt receipt) {
            return new Receipt(receipt.id().toString(), receipt.accepted(),
                    receipt.rejected().stream().map(RejectedRow::of).toList());
        }
    }

    /** Progress: items per status, and whether nothing is open any more. */
    public record Progress(String id, String createdBy, Instant createdAt, int total, Map<String, Long> counts,
                           boolean done) {
        static Progress of(BatchProgress progress) {
            Map<String, Long> counts = new LinkedHashMap<>();
            progress.counts().forEach((status, n) -> counts.put(status.wireName(), n));
            return new Progress(progress.batch().id().toString(), progress.batch().createdBy(),
                    progress.batch().createdAt(), progress.batch().total(), counts, progress.done());
        }
    }

    /** The answer to cancelling. */
    public record Cancelled(String id, int cancelled) {
    }
}
