package nl.bigregister.issuer.application.port.out;

/** What is due for an issuance: submitting it to Credenco, checking its status there, or revoking it. */
public enum WorkKind {
    SUBMIT, CHECK_STATUS, REVOKE
}
