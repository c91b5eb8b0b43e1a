package nl.bigregister.issuer.application.port.out;

/** Which work goes first: a portal user waiting (interactive) before batch items. */
public enum Lane {
    INTERACTIVE, BATCH
}
