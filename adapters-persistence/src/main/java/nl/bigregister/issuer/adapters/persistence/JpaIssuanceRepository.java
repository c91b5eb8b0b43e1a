package nl.bigregister.issuer.adapters.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.TypedQuery;
import nl.bigregister.issuer.application.port.out.ConcurrentUpdateException;
import nl.bigregister.issuer.application.port.out.IssuanceRepository;
import nl.bigregister.issuer.application.port.out.IssuanceSearch;
import nl.bigregister.issuer.domain.BatchId;
import nl.bigregister.issuer.domain.BigNumber;
import nl.bigregister.issuer.domain.IssuanceStatus;
import nl.bigregister.issuer.domain.Reference;
import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.IssuanceId;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** IssuanceRepository on JPA, inside the unit of work of {@link JpaTransactions}. */
public final class JpaIssuanceRepository implements IssuanceRepository {

    private final JpaTransactions transactions;
    private final ClaimsCipher cipher;

    public JpaIssuanceRepository(JpaTransactions transactions, ClaimsCipher cipher) {
        this.transactions = transactions;
        this.cipher = cipher;
    }

    @Override
    public void add(CredentialIssuance issuance) {
        transactions.entityManager().persist(IssuanceMapper.newEntity(issuance, cipher));
    }

    @Override
    public void addAll(List<CredentialIssuance> issuances) {
        EntityManager em = transactions.entityManager();
        issuances.forEach(i -> em.persist(IssuanceMapper.newEntity(i, cipher)));
        // Written and forgotten chunk by chunk, so a batch of 100,000 does not fill the persistence context.
        em.flush();
        em.clear();
    }

    @Override
    public void update(CredentialIssuance issuance) {
        EntityManager em = transactions.entityManager();
        IssuanceEntity entity = em.find(IssuanceEntity.class, issuance.id().value());
        if (entity == null || entity.version != issuance.version()) {
            throw new ConcurrentUpdateException("issuance " + issuance.id() + " changed meanwhile", null);
        }
        IssuanceMapper.copyState(issuance, entity, cipher);
        try {
            // Flush now so a concurrent commit surfaces here, as the port promises, not at commit time.
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentUpdateException("issuance " + issuance.id() + " changed meanwhile", e);
        }
    }

    @Override
    public Optional<CredentialIssuance> find(IssuanceId id) {
        return Optional.ofNullable(transactions.entityManager().find(IssuanceEntity.class, id.value()))
                .map(e -> IssuanceMapper.toDomain(e, cipher));
    }

    @Override
    public Optional<CredentialIssuance> findByCallbackTokenHash(String tokenHash) {
        return transactions.entityManager().createQuery(
                        "select i from IssuanceEntity i join i.attempts a where a.callbackTokenHash = :hash",
                        IssuanceEntity.class)
                .setParameter("hash", tokenHash)
                .getResultStream().findFirst().map(e -> IssuanceMapper.toDomain(e, cipher));
    }

    @Override
    public List<IssuanceId> findExpiredOffers(Instant now, int max) {
        @SuppressWarnings("unchecked")
        List<Object> ids = transactions.entityManager().createNativeQuery("""
                        select id from issuance
                        where status in ('OFFERED', 'OFFER_RETRIEVED') and offer_expires_at <= ?1
                        order by offer_expires_at
                        fetch first ?2 rows only
                        for update skip locked""")
                .setParameter(1, now.atOffset(ZoneOffset.UTC)).setParameter(2, max)
                .getResultList();
        return ids.stream().map(Columns::uuid).map(IssuanceId::new).toList();
    }

    @Override
    public List<CredentialIssuance> search(IssuanceSearch search) {
        StringBuilder jpql = new StringBuilder("select i from IssuanceEntity i where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        search.batchId().ifPresent(b -> {
            jpql.append(" and i.batchId = :batchId");
            parameters.put("batchId", b.value());
        });
        search.bigNumber().ifPresent(b -> {
            jpql.append(" and i.bigNumber = :bigNumber");
            parameters.put("bigNumber", b.value());
        });
        search.status().ifPresent(s -> {
            jpql.append(" and i.status = :status");
            parameters.put("status", s.name());
        });
        search.from().ifPresent(f -> {
            jpql.append(" and i.createdAt >= :from");
            parameters.put("from", f);
        });
        search.to().ifPresent(t -> {
            jpql.append(" and i.createdAt < :to");
            parameters.put("to", t);
        });
        search.after().ifPresent(p -> {
            jpql.append(" and (i.createdAt > :afterCreated or (i.createdAt = :afterCreated and i.id > :afterId))");
            parameters.put("afterCreated", p.createdAt());
            parameters.put("afterId", p.id().value());
        });
        jpql.append(" order by i.createdAt, i.id");
        TypedQuery<IssuanceEntity> query = transactions.entityManager().createQuery(jpql.toString(), IssuanceEntity.class);
        parameters.forEach(query::setParameter);
        return query.setMaxResults(search.limit() + 1).getResultStream().map(e -> IssuanceMapper.toDomain(e, cipher)).toList();
    }

    @Override
    public List<IssuanceId> findLiveByBigNumber(BigNumber bigNumber) {
        return transactions.entityManager().createQuery("""
                        select i.id from IssuanceEntity i
                        where i.bigNumber = :bigNumber and i.status in ('REQUESTED', 'OFFERED', 'OFFER_RETRIEVED', 'ISSUED')
                        order by i.createdAt""", UUID.class)
                .setParameter("bigNumber", bigNumber.value())
                .getResultStream().map(IssuanceId::new).toList();
    }

    @Override
    public List<IssuanceId> findClaimsToPurge(Instant settledBefore, int max) {
        return transactions.entityManager().createQuery("""
                        select i.id from IssuanceEntity i
                        where i.status in ('ISSUED', 'REVOKED', 'FAILED', 'EXPIRED', 'CANCELLED')
                          and i.updatedAt <= :before
                          and (i.claimsCiphertext is not null or i.firstName is not null)
                        order by i.updatedAt""", UUID.class)
                .setParameter("before", settledBefore)
                .setMaxResults(max)
                .getResultStream().map(IssuanceId::new).toList();
    }

    @Override
    public Set<Reference> existingReferences(String clientId, Collection<Reference> candidates) {
        if (candidates.isEmpty()) {
            return Set.of();
        }
        return transactions.entityManager().createQuery(
                        "select i.reference from IssuanceEntity i where i.requestedBy = :client and i.reference in :refs",
                        String.class)
                .setParameter("client", clientId)
                .setParameter("refs", candidates.stream().map(Reference::value).toList())
                .getResultStream().map(Reference::new).collect(Collectors.toSet());
    }

    @Override
    public Map<IssuanceStatus, Long> countByStatus(BatchId batchId) {
        Map<IssuanceStatus, Long> counts = new EnumMap<>(IssuanceStatus.class);
        transactions.entityManager().createQuery(
                        "select i.status, count(i) from IssuanceEntity i where i.batchId = :batch group by i.status",
                        Object[].class)
                .setParameter("batch", batchId.value())
                .getResultStream()
                .forEach(row -> counts.put(IssuanceStatus.valueOf((String) row[0]), ((Number) row[1]).longValue()));
        return counts;
    }

    @Override
    public List<IssuanceId> findRequestedInBatch(BatchId batchId, int max) {
        return transactions.entityManager().createQuery(
                        "select i.id from IssuanceEntity i where i.batchId = :batch and i.status = 'REQUESTED' order by i.id",
                        UUID.class)
                .setParameter("batch", batchId.value())
                .setMaxResults(max)
                .getResultStream().map(IssuanceId::new).toList();
    }
}
