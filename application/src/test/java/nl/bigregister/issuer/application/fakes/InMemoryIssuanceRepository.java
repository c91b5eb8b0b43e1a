package nl.bigregister.issuer.application.fakes;

import nl.bigregister.issuer.application.port.out.ConcurrentUpdateException;
import nl.bigregister.issuer.application.port.out.IssuanceRepository;
import nl.bigregister.issuer.application.port.out.IssuanceSearch;
import nl.bigregister.issuer.domain.BatchId;
import nl.bigregister.issuer.domain.BigNumber;
import nl.bigregister.issuer.domain.Reference;
import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.IssuanceStatus;
import nl.bigregister.issuer.domain.IssuanceId;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Comparator;
import java.util.List;
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

    @Override
    public Optional<CredentialIssuance> findByCallbackTokenHash(String tokenHash) {
        return stored.values().stream()
                .filter(i -> i.attempts().stream().anyMatch(a -> a.callbackTokenHash().equals(tokenHash)))
                .findFirst().map(i -> copyOf(i, i.version()));
    }

    @Override
    public List<IssuanceId> findExpiredOffers(Instant now, int max) {
        return stored.values().stream()
                .filter(i -> i.status() == IssuanceStatus.OFFERED || i.status() == IssuanceStatus.OFFER_RETRIEVED)
                .filter(i -> i.offer().orElseThrow().isExpiredAt(now))
                .limit(max).map(CredentialIssuance::id).toList();
    }

    @Override
    public List<CredentialIssuance> search(IssuanceSearch search) {
        Comparator<CredentialIssuance> order = Comparator.comparing(CredentialIssuance::createdAt)
                .thenComparing(i -> i.id().value());
        return stored.values().stream()
                .filter(i -> search.batchId().map(b -> i.batchId().equals(Optional.of(b))).orElse(true))
                .filter(i -> search.bigNumber().map(b -> b.equals(i.bigNumber())).orElse(true))
                .filter(i -> search.status().map(s -> s == i.status()).orElse(true))
                .filter(i -> search.from().map(f -> !i.createdAt().isBefore(f)).orElse(true))
                .filter(i -> search.to().map(t -> i.createdAt().isBefore(t)).orElse(true))
                .filter(i -> search.after().map(p -> i.createdAt().isAfter(p.createdAt())
                        || i.createdAt().equals(p.createdAt()) && i.id().value().compareTo(p.id().value()) > 0).orElse(true))
                .sorted(order).limit(search.limit() + 1L).map(i -> copyOf(i, i.version())).toList();
    }

    @Override
    public List<IssuanceId> findLiveByBigNumber(BigNumber bigNumber) {
        return stored.values().stream()
                .filter(i -> i.bigNumber().equals(bigNumber))
                .filter(i -> i.status().isOpen() || i.status() == IssuanceStatus.ISSUED)
                .sorted(Comparator.comparing(CredentialIssuance::createdAt))
                .map(CredentialIssuance::id).toList();
    }

    @Override
    public void addAll(List<CredentialIssuance> issuances) {
        issuances.forEach(this::add);
    }

    @Override
    public List<IssuanceId> findClaimsToPurge(Instant settledBefore, int max) {
        return stored.values().stream().filter(i -> i.status().isSettled() && i.claims().isPresent())
                .filter(i -> !i.updatedAt().isAfter(settledBefore)).limit(max).map(CredentialIssuance::id).toList();
    }

    @Override
    public Set<Reference> existingReferences(String clientId, Collection<Reference> candidates) {
        return stored.values().stream().filter(i -> i.requestedBy().equals(clientId))
                .flatMap(i -> i.reference().stream()).filter(candidates::contains).collect(Collectors.toSet());
    }

    @Override
    public Map<IssuanceStatus, Long> countByStatus(BatchId batchId) {
        return stored.values().stream().filter(i -> i.batchId().equals(Optional.of(batchId)))
                .collect(Collectors.groupingBy(CredentialIssuance::status, Collectors.counting()));
    }

    @Override
    public List<IssuanceId> findRequestedInBatch(BatchId batchId, int max) {
        return stored.values().stream().filter(i -> i.batchId().equals(Optional.of(batchId)))
                .filter(i -> i.status() == IssuanceStatus.REQUESTED).limit(max).map(CredentialIssuance::id).toList();
    }

    /** Everything stored, for assertions. */
    public List<CredentialIssuance> all() {
        return stored.values().stream().map(i -> copyOf(i, i.version())).toList();
    }

    private static CredentialIssuance copyOf(CredentialIssuance i, long version) {
        if (i.claims().isEmpty()) {
            return CredentialIssuance.reconstituteWithoutClaims(i.id(), i.bigNumber(), i.profession(), i.requestedBy(),
                    i.batchId(), i.reference(), i.createdAt(), version, i.attempts(), i.status(), i.failure(),
                    i.revocationId(), i.revocation(), i.lastReportAt(), i.updatedAt());
        }
        return CredentialIssuance.reconstitute(i.id(), i.claims().get(), i.requestedBy(), i.batchId(), i.reference(),
                i.createdAt(), version,
                i.attempts(), i.status(), i.offer(), i.failure(), i.revocationId(), i.revocation(),
                i.lastReportAt(), i.updatedAt());
    }
}
