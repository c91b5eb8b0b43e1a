package nl.bigregister.issuer.domain.audit;

import java.util.Optional;

/**
 * Walks the audit chain in sequence order: each event must be intact, follow its predecessor's hash, and
 * carry the next sequence number. The first event that does not is named.
 */
public final class ChainVerification {

    /** The outcome: how many events were checked, the head, and the first broken event if any. */
    public record Result(boolean valid, long events, String head, Optional<Long> firstBrokenSequence,
                         Optional<String> problem) {
    }

    private long expectedSequence = 1;
    private String previousHash = AuditEvent.GENESIS;
    private long checked;
    private Long brokenAt;
    private String problem;

    /** Checks the next event; returns false once the chain is broken (later events need not be read). */
    public boolean accept(AuditEvent event) {
        if (brokenAt != null) {
            return false;
        }
        checked++;
        if (event.sequence() != expectedSequence) {
            return broken(event.sequence() > expectedSequence ? expectedSequence : event.sequence(),
                    "expected event " + expectedSequence + " but found " + event.sequence()
                            + " (an event is missing or out of order)");
        }
        if (!event.previousHash().equals(previousHash)) {
            return broken(event.sequence(), "does not follow the event before it (reordered, or one was removed)");
        }
        if (!event.isIntact()) {
            return broken(event.sequence(), "its content does not match its hash (changed after it was written)");
        }
        previousHash = event.hash();
        expectedSequence++;
        return true;
    }

    private boolean broken(long sequence, String why) {
        brokenAt = sequence;
        problem = why;
        return false;
    }

    public Result result() {
        return new Result(brokenAt == null, checked, previousHash, Optional.ofNullable(brokenAt), Optional.ofNullable(problem));
    }
}
