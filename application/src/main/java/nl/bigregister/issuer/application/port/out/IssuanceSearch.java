package nl.bigregister.issuer.application.port.out;

import nl.bigregister.issuer.domain.BatchId;
import nl.bigregister.issuer.domain.BigNumber;
import nl.bigregister.issuer.domain.IssuanceId;
import nl.bigregister.issuer.domain.IssuanceStatus;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which issuances to list, oldest first: by BIG number, status and creation time, a page of at most
 * {@code limit} after the given position (keyset pagination: stable while rows are added).
 */
public record IssuanceSearch(Optional<BigNumber> bigNumber, Optional<IssuanceStatus> status,
                             Optional<Instant> from, Optional<Instant> to, int limit, Optional<Position> after,
                             Optional<BatchId> batchId) {

    public static final int MAX_LIMIT = 500;

    /** A search across all batches and none. */
    public IssuanceSearch(Optional<BigNumber> bigNumber, Optional<IssuanceStatus> status, Optional<Instant> from,
                          Optional<Instant> to, int limit, Optional<Position> after) {
        this(bigNumber, status, from, to, limit, after, Optional.empty());
    }

    /** The same search within one batch. */
    public IssuanceSearch inBatch(BatchId batch) {
        return new IssuanceSearch(bigNumber, status, from, to, limit, after, Optional.of(batch));
    }

    /** Where the previous page ended. */
    public record Position(Instant createdAt, IssuanceId id) {
        public Position {
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(id, "id");
        }
    }

    public IssuanceSearch {
        Objects.requireNonNull(bigNumber, "bigNumber");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(batchId, "batchId");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT);
        }
    }
}
