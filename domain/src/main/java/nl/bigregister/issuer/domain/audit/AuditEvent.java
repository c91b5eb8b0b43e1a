package nl.bigregister.issuer.domain.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * An audit event in the chain: its entry, its place ({@code sequence}), the hash of the event before it and
 * its own hash over both. Changing, removing or reordering any stored event breaks the chain from there on.
 */
public record AuditEvent(UUID id, long sequence, AuditEntry entry, String previousHash, String hash) {

    /** The hash the chain starts from. */
    public static final String GENESIS = "0".repeat(64);

    public AuditEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
    }

    /** Chains a new entry after the event with {@code previousHash} at {@code sequence}. */
    public static AuditEvent chain(UUID id, long sequence, AuditEntry entry, String previousHash) {
        return new AuditEvent(id, sequence, entry, previousHash, hashOf(id, sequence, entry, previousHash));
    }

    /** Whether the stored hash is the hash of what is stored. */
    public boolean isIntact() {
        return hash.equals(hashOf(id, sequence, entry, previousHash));
    }

    /**
     * SHA-256 over a canonical form: every field in a fixed order, each length-prefixed, so no two different
     * events share a form (a field containing the separator cannot shift the others).
     */
    static String hashOf(UUID id, long sequence, AuditEntry e, String previousHash) {
        StringBuilder canonical = new StringBuilder();
        for (String field : new String[]{previousHash, id.toString(), Long.toString(sequence),
                Long.toString(e.occurredAt().getEpochSecond()), Integer.toString(e.occurredAt().getNano()),
                e.action().name(), e.outcome(), e.actor(), e.onBehalfOf().orElse("\u0000"), e.subject().orElse("\u0000"),
                e.issuanceId().orElse("\u0000"), e.correlationId().orElse("\u0000"),
                e.sourceAddress().orElse("\u0000"), e.detail()}) {
            canonical.append(field.length()).append(':').append(field).append(';');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is required by every JDK", ex);
        }
    }
}
