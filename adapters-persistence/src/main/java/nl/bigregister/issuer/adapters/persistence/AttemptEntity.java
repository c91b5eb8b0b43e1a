package nl.bigregister.issuer.adapters.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Row of the {@code issuance_attempt} table: one submission to Credenco under its own correlation id. */
@Entity
@Table(name = "issuance_attempt")
public class AttemptEntity {

    @Id
    @Column(name = "correlation_id")
    String correlationId;
    @Column(name = "attempt_number", nullable = false)
    int attemptNumber;
    @Column(name = "callback_token_hash", nullable = false)
    String callbackTokenHash;
    @Column(name = "started_at", nullable = false)
    Instant startedAt;

    protected AttemptEntity() {
        // for JPA
    }
}
