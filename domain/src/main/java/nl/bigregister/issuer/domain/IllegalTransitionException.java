package nl.bigregister.issuer.domain;

/** A request that the issuance's current status does not allow, e.g. revoking an open offer. */
public final class IllegalTransitionException extends RuntimeException {

    private final IssuanceId issuanceId;
    private final IssuanceStatus currentStatus;
    private final String action;

    public IllegalTransitionException(IssuanceId issuanceId, IssuanceStatus currentStatus, String action) {
        super("cannot " + action + " issuance " + issuanceId + " while it is " + currentStatus.wireName());
        this.issuanceId = issuanceId;
        this.currentStatus = currentStatus;
        this.action = action;
    }

    public IssuanceId issuanceId() {
        return issuanceId;
    }

    public IssuanceStatus currentStatus() {
        return currentStatus;
    }

    public String action() {
        return action;
    }
}
