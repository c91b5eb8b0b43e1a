package nl.bigregister.credenco.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Issues the BIG registration as an SD-JWT VC ({@code typ dc+sd-jwt}, ES256), bound to the holder's key.
 * The BIG number and profession are in the clear: the register is public and every verifier needs them.
 * The personal claims are selectively disclosable, so a holder can show her registration without her name.
 */
final class SdJwtVcIssuer {

    static final String VCT = "urn:nl:bigregister:registration:1";
    static final List<String> CLEAR_CLAIMS = List.of("big_number", "profession");
    static final List<String> DISCLOSABLE_CLAIMS =
            List.of("first_name", "last_name", "specialism", "registration_date", "valid_until");

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final ECKey signingKey;
    private final URI issuer;

    SdJwtVcIssuer(ECKey signingKey, URI issuer) {
        this.signingKey = signingKey;
        this.issuer = issuer;
    }

    String issue(Map<String, String> claims, JWK holderKey, URI statusList, int statusIndex, Instant now) {
        JWTClaimsSet.Builder payload = new JWTClaimsSet.Builder()
                .issuer(issuer.toString())
                .issueTime(Date.from(now))
                .claim("vct", VCT)
                .claim("cnf", Map.of("jwk", holderKey.toPublicJWK().toJSONObject()))
                .claim("status", Map.of("status_list", Map.of("idx", statusIndex, "uri", statusList.toString())))
                .claim("_sd_alg", "sha-256");
        String validUntil = claims.get("valid_until");
        if (validUntil != null) {
            payload.expirationTime(Date.from(LocalDate.parse(validUntil).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
        for (String name : CLEAR_CLAIMS) {
            payload.claim(name, claims.get(name));
        }
        List<String> disclosures = new ArrayList<>();
        List<String> digests = new ArrayList<>();
        for (String name : DISCLOSABLE_CLAIMS) {
            if (claims.containsKey(name)) {
                String disclosure = disclosure(name, claims.get(name));
                disclosures.add(disclosure);
                digests.add(digest(disclosure));
            }
        }
        // Sorted, so the order of the digests does not reveal which claim is which.
        digests.sort(String::compareTo);
        payload.claim("_sd", digests);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256)
                    .type(new JOSEObjectType("dc+sd-jwt")).keyID(signingKey.getKeyID()).build(), payload.build());
            jwt.sign(new ECDSASigner(signingKey));
            return jwt.serialize() + "~" + String.join("~", disclosures) + "~";
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign the credential", e);
        }
    }

    private static String disclosure(String name, String value) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        try {
            byte[] json = JsonHttp.MAPPER.writeValueAsBytes(List.of(B64.encodeToString(salt), name, value));
            return B64.encodeToString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The digest of a disclosure: base64url(SHA-256(ASCII(disclosure))). */
    static String digest(String disclosure) {
        try {
            return B64.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(disclosure.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
