package nl.bigregister.issuer.application.port.out;

import nl.bigregister.issuer.domain.IssuanceEvent;

import java.util.List;

/** Hands the events an issuance raised to whoever follows it live (portals waiting for the wallet). */
public interface IssuanceEventPublisher {

    void publish(List<IssuanceEvent> events);
}
