package nl.bigregister.issuer.application.port.in;

import nl.bigregister.issuer.domain.BigNumber;
import nl.bigregister.issuer.domain.IssuanceId;

import java.util.List;

/** A professional is struck off the register: revoke every issued credential, cancel every open offer. */
public interface StrikeOffUseCase {

    /** What striking off did, issuance by issuance. */
    record Outcome(List<IssuanceId> revoked, List<IssuanceId> revocationPending, List<IssuanceId> cancelled) {
    }

    Outcome strikeOff(BigNumber bigNumber, String reason);
}
