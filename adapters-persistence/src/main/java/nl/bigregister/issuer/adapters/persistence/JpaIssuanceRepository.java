package nl.bigregister.issuer.adapters.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.TypedQuery;
import nl.bigregister.issuer.application.port.out.ConcurrentUpdateException;
import nl.bigregister.issuer.application.port.out.IssuanceRepository;
import nl.bigregister.issuer.application.port.out.IssuanceSearch;
import nl.bigregister.issuer.domain.BigNumber;
import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.IssuanceId;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** IssuanceRepository on JPA, inside the unit of work of {@link JpaTransactions}. */
public final class JpaIssuanceRepository implements IssuanceRepository {

    private final JpaTransactions transactions;

    public JpaIssuanceRepository(JpaTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(CredentialIssuance issuance) {
        transactions.entityManager().persist(IssuanceMapper.newEntity(issuance));
    }

    @Override
    public void update(CredentialIssuance issuance) {
        EntityManager em = transactions.entityManager();
        IssuanceEntity entity = em.find(IssuanceEntity.class, issuance.id().value());
        if (entity == null || entity.version != issuance.version()) {
            throw new ConcurrentUpdateException("issuance " + issuance.id() + " changed meanwhile", null);
        }
        IssuanceMapper.copyState(issuance, entity);
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
                .map(IssuanceMapper::toDomain);
    }

    @Override
    public Optional<CredentialIssuance> findByCallbackTokenHash(String tokenHash) {
        return transactions.entityManager().createQuery(
                        "select i from IssuanceEntity i join i.attempts a where a.callbackTokenHash = :hash",
                        IssuanceEntity.class)
                .setParameter("hash", tokenHash)
                .getResultStream().findFirst().map(IssuanceMapper::toDomain);
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
        return query.setMaxResults(search.limit() + 1).getResultStream().map(IssuanceMapper::toDomain).toList();
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
}
