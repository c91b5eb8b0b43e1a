package nl.bigregister.issuer.distribution;

import nl.bigregister.issuer.application.port.out.IssuanceEventPublisher;
import nl.bigregister.issuer.domain.IssuanceEvent;

import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Writes each status change to the log at FINE (on the hot path; the audit trail is the record), then hands
 * the events on: issuance id and status only, no personal data.
 */
final class LoggedEvents implements IssuanceEventPublisher {

    private static final Logger LOG = Logger.getLogger(LoggedEvents.class.getName());

    private final IssuanceEventPublisher next;

    LoggedEvents(IssuanceEventPublisher next) {
        this.next = next;
    }

    @Override
    public void publish(List<IssuanceEvent> events) {
        for (IssuanceEvent e : events) {
            LOG.fine(() -> "issuance " + e.issuanceId() + " " + e.getClass().getSimpleName().toLowerCase(Locale.ROOT)
                    + " -> " + e.status().wireName());
        }
        next.publish(events);
    }
}
