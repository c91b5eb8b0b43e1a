package nl.bigregister.credenco.simulator;

/** A request the simulator refuses, with the HTTP status and details to answer with. */
final class HttpProblem extends RuntimeException {

    private final int status;
    private final transient Object details;

    HttpProblem(int status, String message, Object details) {
        super(message);
        this.status = status;
        this.details = details;
    }

    int status() {
        return status;
    }

    Object details() {
        return details;
    }
}
