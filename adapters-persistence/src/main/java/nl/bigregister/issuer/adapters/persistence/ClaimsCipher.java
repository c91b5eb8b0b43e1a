package nl.bigregister.issuer.adapters.persistence;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encrypts the personal claims at rest with AES-256-GCM. Each ciphertext names the key that made it
 * ({@code v1:<key id>:<iv>:<ciphertext>}, the key id being the start of the key's SHA-256), so keys can be
 * rotated: new data is written with the current key, older data stays readable with the old keys.
 */
public final class ClaimsCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentKeyId;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

    /** @param currentKey base64 of 32 bytes; @param oldKeys the same, for data written before a rotation */
    public ClaimsCipher(String currentKey, List<String> oldKeys) {
        SecretKeySpec current = key(currentKey, "ISSUER_ENCRYPTION_KEY");
        this.currentKeyId = keyId(current);
        keys.put(currentKeyId, current);
        for (String old : oldKeys) {
            SecretKeySpec k = key(old, "ISSUER_ENCRYPTION_OLD_KEYS");
            keys.putIfAbsent(keyId(k), k);
        }
    }

    private static SecretKeySpec key(String base64, String name) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64 == null ? "" : base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException(name + " must be 32 bytes (AES-256), base64-encoded");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static String keyId(SecretKeySpec key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded())).substring(0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String currentKeyId() {
        return currentKeyId;
    }

    String encrypt(String plaintext) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
            // The key id is authenticated too: a ciphertext cannot be relabelled to another key.
            cipher.updateAAD(currentKeyId.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            Base64.Encoder b64 = Base64.getEncoder();
            return "v1:" + currentKeyId + ":" + b64.encodeToString(iv) + ":" + b64.encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt claims", e);
        }
    }

    String decrypt(String stored) {
        String[] parts = stored.split(":");
        if (parts.length != 4 || !parts[0].equals("v1")) {
            throw new IllegalStateException("unknown ciphertext format");
        }
        SecretKeySpec key = keys.get(parts[1]);
        if (key == null) {
            throw new IllegalStateException("claims were encrypted with key " + parts[1]
                    + ", which is neither ISSUER_ENCRYPTION_KEY nor in ISSUER_ENCRYPTION_OLD_KEYS");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Base64.getDecoder().decode(parts[2])));
            cipher.updateAAD(parts[1].getBytes(StandardCharsets.US_ASCII));
            return new String(cipher.doFinal(Base64.getDecoder().decode(parts[3])), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("claims cannot be decrypted (tampered, or the wrong key)", e);
        }
    }

    /** Whether a stored ciphertext was made with an older key, so rewriting it moves it to the current one. */
    boolean isStale(String stored) {
        return !stored.startsWith("v1:" + currentKeyId + ":");
    }
}
