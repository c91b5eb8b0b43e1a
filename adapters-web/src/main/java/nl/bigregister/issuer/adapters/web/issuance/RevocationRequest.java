package nl.bigregister.issuer.adapters.web.issuance;

import nl.bigregister.issuer.adapters.web.problem.InvalidRequestException;
import nl.bigregister.issuer.adapters.web.problem.Problem;

import java.util.List;

/** Body of a revocation: why. */
public record RevocationRequest(String reason) {

    public static final int MAX_REASON = 500;

    /** The reason, checked: present and at most 500 characters. */
    public static String reasonOf(RevocationRequest body) {
        String reason = body == null ? null : body.reason();
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException(List.of(new Problem.FieldError("reason", "is required")));
        }
        if (reason.strip().length() > MAX_REASON) {
            throw new InvalidRequestException(List.of(new Problem.FieldError("reason",
                    "must be at most " + MAX_REASON + " characters")));
        }
        return reason.strip();
    }
}
