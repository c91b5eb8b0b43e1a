package nl.bigregister.issuer.domain;

import java.time.Instant;
import java.util.Objects;

/** Issuances a batch job enqueued in one request: who enqueued them, when, and how many were accepted. */
public record Batch(BatchId id, String createdBy, Instant createdAt, int total) {

    public Batch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        if (createdBy == null || createdBy.isBlank()) {
            throw new IllegalArgumentException("a batch is created by a known client");
        }
        if (total < 0) {
            throw new IllegalArgumentException("total cannot be negative");
        }
    }
}
