package nl.bigregister.issuer.application.port.in;

import java.util.Optional;

/** A request was refused (401, 403, 409): the attempt itself belongs in the audit trail. */
public interface RecordRefusalUseCase {

    void refused(String outcome, String detail, Optional<String> issuanceId);
}
