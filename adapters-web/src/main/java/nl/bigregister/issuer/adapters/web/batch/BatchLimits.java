package nl.bigregister.issuer.adapters.web.batch;

/** What one batch request may hold. */
final class BatchLimits {

    static final int MAX_ITEMS = 100_000;
    static final long MAX_BYTES = 128L * 1024 * 1024;

    private BatchLimits() {
    }

    /** A batch request over the limits; answered 413. */
    static final class TooLargeException extends RuntimeException {
        TooLargeException(String message) {
            super(message);
        }
    }
}
