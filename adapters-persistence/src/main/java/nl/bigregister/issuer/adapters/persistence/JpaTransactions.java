package nl.bigregister.issuer.adapters.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.RollbackException;
import nl.bigregister.issuer.application.port.out.ConcurrentUpdateException;
import nl.bigregister.issuer.application.port.out.Transactions;

import java.util.function.Supplier;

/**
 * Resource-local transactions: one EntityManager and one database transaction per unit of work, bound to
 * the thread so the repositories called inside it share them. A nested call joins the outer unit.
 */
public final class JpaTransactions implements Transactions {

    private final Database database;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();

    public JpaTransactions(Database database) {
        this.database = database;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        EntityManager em = database.entityManagerFactory().createEntityManager();
        current.set(em);
        try {
            em.getTransaction().begin();
            T result = work.get();
            em.getTransaction().commit();
            return result;
        } catch (RollbackException e) {
            if (e.getCause() instanceof OptimisticLockException) {
                throw new ConcurrentUpdateException("changed concurrently", e);
            }
            throw e;
        } finally {
            try {
                if (em.getTransaction().isActive()) {
                    em.getTransaction().rollback();
                }
            } finally {
                current.remove();
                em.close();
            }
        }
    }

    /** The EntityManager of the unit of work running on this thread. */
    EntityManager entityManager() {
        EntityManager em = current.get();
        if (em == null) {
            throw new IllegalStateException("repositories are used inside Transactions.inTransaction");
        }
        return em;
    }
}
