package nl.bigregister.issuer.distribution;

import jakarta.enterprise.context.ApplicationScoped;
import nl.bigregister.issuer.application.port.out.IssuanceEventPublisher;
import nl.bigregister.issuer.domain.IssuanceEvent;

import java.util.List;
import java.util.logging.Logger;

/** Writes each status change to the log: issuance id and new status only, never personal data. */
@ApplicationScoped
public class LoggedEvents implements IssuanceEventPublisher {

    private static final Logger LOG = Logger.getLogger(LoggedEvents.class.getName());

    @Override
    public void publish(List<IssuanceEvent> events) {
        for (IssuanceEvent e : events) {
            LOG.info(() -> "issuance " + e.issuanceId() + " " + e.getClass().getSimpleName().toLowerCase()
                    + " -> " + e.status().wireName());
        }
    }
}
