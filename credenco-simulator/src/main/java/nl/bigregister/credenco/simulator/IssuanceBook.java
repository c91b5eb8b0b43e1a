package nl.bigregister.credenco.simulator;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Every issuance the simulator knows, findable by correlation id, offer, code, token or revocation id. */
final class IssuanceBook {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SimulatedIssuance> byCorrelationId = new ConcurrentHashMap<>();
    private final Map<String, SimulatedIssuance> byOfferId = new ConcurrentHashMap<>();
    private final Map<String, SimulatedIssuance> byCode = new ConcurrentHashMap<>();
    private final Map<String, SimulatedIssuance> byToken = new ConcurrentHashMap<>();
    private final Map<String, SimulatedIssuance> byRevocation = new ConcurrentHashMap<>();
    private final Map<String, Instant> nonces = new ConcurrentHashMap<>();

    static String secret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Adds a new issuance; false when its correlation id was used before. */
    boolean add(SimulatedIssuance issuance) {
        if (byCorrelationId.putIfAbsent(issuance.correlationId, issuance) != null) {
            return false;
        }
        byOfferId.put(issuance.offerId, issuance);
        byCode.put(issuance.preAuthorizedCode, issuance);
        return true;
    }

    Optional<SimulatedIssuance> byCorrelationId(String id) {
        return Optional.ofNullable(byCorrelationId.get(id));
    }

    Optional<SimulatedIssuance> byOfferId(String id) {
        return Optional.ofNullable(byOfferId.get(id));
    }

    Optional<SimulatedIssuance> byCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
    }

    void tokenIssued(String token, SimulatedIssuance issuance) {
        byToken.put(token, issuance);
    }

    Optional<SimulatedIssuance> byToken(String token) {
        return token == null ? Optional.empty() : Optional.ofNullable(byToken.get(token));
    }

    void revocable(String revocationUuid, SimulatedIssuance issuance) {
        byRevocation.put(revocationUuid, issuance);
    }

    Optional<SimulatedIssuance> byRevocation(String revocationUuid) {
        return revocationUuid == null ? Optional.empty() : Optional.ofNullable(byRevocation.get(revocationUuid));
    }

    String newNonce(Instant now, Duration ttl) {
        nonces.entrySet().removeIf(e -> e.getValue().isBefore(now));
        String nonce = secret();
        nonces.put(nonce, now.plus(ttl));
        return nonce;
    }

    /** A nonce counts once, and only while fresh. */
    boolean consumeNonce(String nonce, Instant now) {
        if (nonce == null) {
            return false;
        }
        Instant expiry = nonces.remove(nonce);
        return expiry != null && now.isBefore(expiry);
    }
}
