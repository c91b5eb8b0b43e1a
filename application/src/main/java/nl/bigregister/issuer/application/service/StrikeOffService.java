package nl.bigregister.issuer.application.service;

import nl.bigregister.issuer.application.port.in.CancelIssuanceUseCase;
import nl.bigregister.issuer.application.port.in.RevokeIssuanceUseCase;
import nl.bigregister.issuer.application.port.in.StrikeOffUseCase;
import nl.bigregister.issuer.application.port.out.IssuanceRepository;
import nl.bigregister.issuer.application.port.out.Transactions;
import nl.bigregister.issuer.domain.BigNumber;
import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.IllegalTransitionException;
import nl.bigregister.issuer.domain.IssuanceId;
import nl.bigregister.issuer.domain.IssuanceStatus;

import java.util.ArrayList;
import java.util.List;

/**
 * Strikes a professional off: revokes each issued credential and cancels each open offer, one issuance at
 * a time so one that Credenco cannot revoke now (kept pending) does not hold up the rest.
 */
public final class StrikeOffService implements StrikeOffUseCase {

    private final IssuanceRepository repository;
    private final Transactions transactions;
    private final RevokeIssuanceUseCase revoke;
    private final CancelIssuanceUseCase cancel;

    public StrikeOffService(IssuanceRepository repository, Transactions transactions, RevokeIssuanceUseCase revoke,
                            CancelIssuanceUseCase cancel) {
        this.repository = repository;
        this.transactions = transactions;
        this.revoke = revoke;
        this.cancel = cancel;
    }

    @Override
    public Outcome strikeOff(BigNumber bigNumber, String reason) {
        List<IssuanceId> revoked = new ArrayList<>();
        List<IssuanceId> pending = new ArrayList<>();
        List<IssuanceId> cancelled = new ArrayList<>();
        for (IssuanceId id : transactions.inTransaction(() -> repository.findLiveByBigNumber(bigNumber))) {
            CredentialIssuance issuance = transactions.inTransaction(() -> Issuances.load(repository, id));
            try {
                if (issuance.status() == IssuanceStatus.ISSUED) {
                    if (issuance.revocation().isPresent()) {
                        pending.add(id); // already being revoked
                    } else {
                        (revoke.revoke(id, reason).status() == IssuanceStatus.REVOKED ? revoked : pending).add(id);
                    }
                } else if (issuance.status().isOpen()) {
                    cancel.cancel(id);
                    cancelled.add(id);
                }
            } catch (IllegalTransitionException movedOnMeanwhile) {
                // Its status changed between listing and acting (e.g. the wallet accepted): look again.
                CredentialIssuance now = transactions.inTransaction(() -> Issuances.load(repository, id));
                if (now.status() == IssuanceStatus.ISSUED && now.revocation().isEmpty()) {
                    (revoke.revoke(id, reason).status() == IssuanceStatus.REVOKED ? revoked : pending).add(id);
                }
            }
        }
        return new Outcome(revoked, pending, cancelled);
    }
}
