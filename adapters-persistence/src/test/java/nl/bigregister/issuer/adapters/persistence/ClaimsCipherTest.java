package nl.bigregister.issuer.adapters.persistence;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** AES-256-GCM with key ids: round trips, refuses tampering and unknown keys, and rotates. */
class ClaimsCipherTest {

    static String key(int fill) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) fill);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void roundTripsAndHidesThePlaintext() {
        ClaimsCipher cipher = new ClaimsCipher(key(1), List.of());
        String sealed = cipher.encrypt("Sophie\u001fde Vries");
        assertThat(sealed).startsWith("v1:" + cipher.currentKeyId() + ":").doesNotContain("Sophie");
        assertThat(cipher.encrypt("Sophie")).isNotEqualTo(cipher.encrypt("Sophie"));
        assertThat(cipher.decrypt(sealed)).isEqualTo("Sophie\u001fde Vries");
    }

    @Test
    void refusesTamperingAndUnknownKeys() {
        ClaimsCipher cipher = new ClaimsCipher(key(1), List.of());
        String sealed = cipher.encrypt("Sophie");
        String[] parts = sealed.split(":");
        byte[] body = Base64.getDecoder().decode(parts[3]);
        body[0] ^= 1;
        String tampered = parts[0] + ":" + parts[1] + ":" + parts[2] + ":" + Base64.getEncoder().encodeToString(body);
        assertThatThrownBy(() -> cipher.decrypt(tampered)).hasMessageContaining("tampered");
        assertThatThrownBy(() -> new ClaimsCipher(key(2), List.of()).decrypt(sealed)).hasMessageContaining("neither");
    }

    @Test
    void rotationKeepsOldDataReadable() {
        ClaimsCipher before = new ClaimsCipher(key(1), List.of());
        String old = before.encrypt("Sophie");
        ClaimsCipher after = new ClaimsCipher(key(2), List.of(key(1)));
        assertThat(after.decrypt(old)).isEqualTo("Sophie");
        assertThat(after.isStale(old)).isTrue();
        assertThat(after.isStale(after.encrypt("Sophie"))).isFalse();
    }

    @Test
    void refusesKeysThatAreNotAes256() {
        assertThatThrownBy(() -> new ClaimsCipher(Base64.getEncoder().encodeToString(new byte[16]), List.of()))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new ClaimsCipher("not base64!", List.of())).hasMessageContaining("base64");
    }
}
