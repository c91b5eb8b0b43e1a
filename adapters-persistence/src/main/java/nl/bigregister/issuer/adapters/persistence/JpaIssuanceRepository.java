package nl.bigregister.issuer.adapters.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import nl.bigregister.issuer.application.port.out.ConcurrentUpdateException;
import nl.bigregister.issuer.application.port.out.IssuanceRepository;
import nl.bigregister.issuer.domain.CredentialIssuance;
import nl.bigregister.issuer.domain.IssuanceId;

import java.util.Optional;

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
}
