package nl.bigregister.issuer.application.fakes;

import nl.bigregister.issuer.application.port.out.IssuanceEventPublisher;
import nl.bigregister.issuer.domain.IssuanceEvent;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every published event for assertions. */
public final class RecordingPublisher implements IssuanceEventPublisher {

    private final List<IssuanceEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void publish(List<IssuanceEvent> published) {
        events.addAll(published);
    }

    public List<IssuanceEvent> events() {
        return List.copyOf(events);
    }
}
