package nl.bigregister.issuer.domain;

import java.util.Locale;

/** Where a CredentialIssuance stands in its life cycle. */
public enum IssuanceStatus {
    REQUESTED, OFFERED, OFFER_RETRIEVED, ISSUED, FAILED, EXPIRED, CANCELLED, REVOKED;

    /** An offer is open: the wallet may still pick it up. */
    public boolean isOpen() {
        return this == REQUESTED || this == OFFERED || this == OFFER_RETRIEVED;
    }

    /** Nothing more will happen without an explicit request (renew, revoke). */
    public boolean isSettled() {
        return !isOpen();
    }

    /** The lower-case name clients see, e.g. {@code offer_retrieved}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IssuanceStatus fromWireName(String name) {
        for (IssuanceStatus s : values()) {
            if (s.wireName().equals(name)) {
                return s;
            }
        }
        throw new InvalidValueException("status", "must be one of requested, offered, offer_retrieved, issued, "
                + "failed, expired, cancelled, revoked");
    }
}
