package nl.bigregister.issuer.domain;

/** What the credential issuer says about one attempt, in our words. */
public enum ReportedStatus {
    OFFER_CREATED(1), OFFER_RETRIEVED(2), COMPLETED(3), ERROR(3);

    private final int progress;

    ReportedStatus(int progress) {
        this.progress = progress;
    }

    /** How far along the flow this report is; a report not beyond what we know is stale. */
    int progress() {
        return progress;
    }
}
