package nl.bigregister.issuer.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret in an attempt's callback URL: 256 random bits, base64url. Only its hash is stored, so a
 * leaked database does not let anyone forge status callbacks.
 */
public record CallbackToken(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public CallbackToken {
        if (value == null || !value.matches("[A-Za-z0-9_-]{22,128}")) {
            throw new InvalidValueException("token", "malformed callback token");
        }
    }

    public static CallbackToken generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new CallbackToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The SHA-256 of the token, hex encoded: what is stored and looked up. */
    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "CallbackToken[redacted]";
    }
}
