package nl.bigregister.issuer.domain.audit;

import java.util.Locale;

/** What an audit event records: a change, or an access to personal data. */
public enum AuditAction {
    ISSUANCE_REQUESTED, OFFER_CREATED, OFFER_RETRIEVED, CREDENTIAL_ISSUED, ISSUANCE_FAILED, OFFER_EXPIRED,
    ISSUANCE_RENEWED, ISSUANCE_CANCELLED, REVOCATION_REQUESTED, CREDENTIAL_REVOKED, CLAIMS_PURGED,
    ISSUANCE_READ, ISSUANCES_SEARCHED, PROFESSIONAL_STRUCK_OFF,
    BATCH_ENQUEUED, BATCH_READ, BATCH_CANCELLED,
    AUDIT_QUERIED, AUDIT_VERIFIED, ACCESS_REFUSED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AuditAction fromWireName(String name) {
        for (AuditAction a : values()) {
            if (a.wireName().equals(name)) {
                return a;
            }
        }
        throw new nl.bigregister.issuer.domain.InvalidValueException("action", "is not a known audit action");
    }
}
