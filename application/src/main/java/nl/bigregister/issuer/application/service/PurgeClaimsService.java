package nl.bigregister.issuer.application.service;

import nl.bigregister.issuer.application.port.in.PurgeClaimsUseCase;
import nl.bigregister.issuer.application.port.out.IssuanceRepository;
import nl.bigregister.issuer.application.port.out.Transactions;
import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.IssuanceId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Keeps personal data no longer than needed: once an issuance has been settled for the retention period,
 * its names, specialism and dates are deleted; the issuance and its audit events stay.
 */
public final class PurgeClaimsService implements PurgeClaimsUseCase {

    private final IssuanceRepository repository;
    private final Transactions transactions;
    private final Duration retention;
    private final Clock clock;

    public PurgeClaimsService(IssuanceRepository repository, Transactions transactions, Duration retention, Clock clock) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("ISSUER_CLAIMS_RETENTION must be positive");
        }
        this.repository = repository;
        this.transactions = transactions;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    public int purgeDue(int max) {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            List<IssuanceId> due = repository.findClaimsToPurge(now.minus(retention), max);
            for (IssuanceId id : due) {
                CredentialIssuance issuance = Issuances.load(repository, id);
                issuance.purgeClaims(now);
                repository.update(issuance);
                issuance.pullEvents();
            }
            return due.size();
        });
    }
}
