package nl.bigregister.credenco.simulator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * An IETF Token Status List with one bit per credential (0 valid, 1 revoked), served as a signed
 * {@code statuslist+jwt} whose {@code lst} is the zlib-compressed bit array, base64url.
 */
final class StatusList {

    static final int SIZE = 1 << 17; // 131,072 entries: herd privacy for small registers too

    private final URI uri;
    private final byte[] bits = new byte[SIZE / 8];
    private int next;

    StatusList(URI uri) {
        this.uri = uri;
    }

    URI uri() {
        return uri;
    }

    synchronized int allocate() {
        if (next >= SIZE) {
            throw new IllegalStateException("status list full");
        }
        return next++;
    }

    synchronized void revoke(int index) {
        // Bit i lives in byte i/8 at position i%8, least significant bit first, as the draft specifies.
        bits[index / 8] |= (byte) (1 << (index % 8));
    }

    synchronized String signedJwt(ECKey key, Instant now) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        deflater.setInput(bits);
        deflater.finish();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(uri.toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("ttl", 60)
                .claim("status_list", Map.of("bits", 1,
                        "lst", Base64.getUrlEncoder().withoutPadding().encodeToString(compressed.toByteArray())))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256)
                    .type(new JOSEObjectType("statuslist+jwt")).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the status list", e);
        }
    }
}
