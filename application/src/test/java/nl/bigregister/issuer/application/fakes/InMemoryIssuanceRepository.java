package nl.bigregister.issuer.application.fakes;

import nl.bigregister.issuer.application.port.out.ConcurrentUpdateException;
import nl.bigregister.issuer.application.port.out.IssuanceRepository;
import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.IssuanceId;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An IssuanceRepository in memory, with the same optimistic-locking behaviour as the real one. */
public final class InMemoryIssuanceRepository implements IssuanceRepository {

    private final Map<IssuanceId, CredentialIssuance> stored = new ConcurrentHashMap<>();

    @Override
    public void add(CredentialIssuance issuance) {
        if (stored.putIfAbsent(issuance.id(), copyOf(issuance, 0)) != null) {
            throw new IllegalStateException("issuance " + issuance.id() + " exists");
        }
    }

    @Override
    public void update(CredentialIssuance issuance) {
        stored.compute(issuance.id(), (id, current) -> {
            if (current == null || current.version() != issuance.version()) {
                throw new ConcurrentUpdateException("issuance " + id + " changed meanwhile", null);
            }
            return copyOf(issuance, issuance.version() + 1);
        });
    }

    @Override
    public Optional<CredentialIssuance> find(IssuanceId id) {
        return Optional.ofNullable(stored.get(id)).map(i -> copyOf(i, i.version()));
    }

    /** Everything stored, for assertions. */
    public java.util.List<CredentialIssuance> all() {
        return stored.values().stream().map(i -> copyOf(i, i.version())).toList();
    }

    private static CredentialIssuance copyOf(CredentialIssuance i, long version) {
        return CredentialIssuance.reconstitute(i.id(), i.claims(), i.requestedBy(), i.createdAt(), version,
                i.attempts(), i.status(), i.offer(), i.failure(), i.revocationId(), i.revocation(),
                i.lastReportAt(), i.updatedAt());
    }
}
