package nl.bigregister.credenco.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A minimal holder wallet for tests and the demo: runs the OpenID4VCI pre-authorized code flow with a
 * fresh holder key, and verifies what it receives (issuer signature from the issuer's published keys,
 * disclosures, key binding, status list). Each step is public so conformance tests can misbehave on purpose.
 */
public final class TestWallet {

    static final String PRE_AUTHORIZED_GRANT = "urn:ietf:params:oauth:grant-type:pre-authorized_code";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A credential offer, by value. */
    public record Offer(String credentialIssuer, List<String> configurationIds, String preAuthorizedCode) {
    }

    /** The endpoints a wallet needs, from the issuer's and the authorization server's metadata. */
    public record Endpoints(String credentialIssuer, URI tokenEndpoint, URI nonceEndpoint, URI credentialEndpoint) {
    }

    /** The whole flow: scan, fetch, redeem, prove, receive, verify. */
    public ReceivedCredential receive(String offerUri) {
        Offer offer = fetchOffer(offerUri);
        Endpoints endpoints = endpoints(offer.credentialIssuer());
        String token = token(endpoints, offer.preAuthorizedCode());
        ECKey holderKey = newHolderKey();
        String proof = proof(holderKey, holderKey, offer.credentialIssuer(), nonce(endpoints), Instant.now());
        String sdJwt = requestCredential(endpoints, token, offer.configurationIds().getFirst(), proof);
        return verify(sdJwt, holderKey, offer.credentialIssuer());
    }

    public Offer fetchOffer(String offerUri) {
        String prefix = "openid-credential-offer://?";
        if (!offerUri.startsWith(prefix)) {
            throw new WalletException("invalid_offer", "not an openid-credential-offer:// URI");
        }
        String query = offerUri.substring(prefix.length());
        JsonNode offer = null;
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            String value = kv.length == 2 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "";
            if (kv[0].equals("credential_offer_uri")) {
                offer = getJson(URI.create(value));
            } else if (kv[0].equals("credential_offer")) {
                offer = parse(value);
            }
        }
        if (offer == null) {
            throw new WalletException("invalid_offer", "no credential_offer_uri or credential_offer");
        }
        String code = offer.path("grants").path(PRE_AUTHORIZED_GRANT).path("pre-authorized_code").asText(null);
        if (code == null) {
            throw new WalletException("invalid_offer", "the offer has no pre-authorized code");
        }
        return new Offer(offer.path("credential_issuer").asText(),
                JSON.convertValue(offer.path("credential_configuration_ids"), List.class), code);
    }

    public Endpoints endpoints(String credentialIssuer) {
        JsonNode issuer = getJson(URI.create(credentialIssuer + "/.well-known/openid-credential-issuer"));
        if (!credentialIssuer.equals(issuer.path("credential_issuer").asText())) {
            throw new WalletException("invalid_metadata", "credential_issuer does not match the offer");
        }
        String authorizationServer = issuer.path("authorization_servers").path(0).asText(credentialIssuer);
        JsonNode as = getJson(URI.create(authorizationServer + "/.well-known/oauth-authorization-server"));
        return new Endpoints(credentialIssuer, URI.create(as.path("token_endpoint").asText()),
                URI.create(issuer.path("nonce_endpoint").asText()), URI.create(issuer.path("credential_endpoint").asText()));
    }

    public String token(Endpoints endpoints, String preAuthorizedCode) {
        String form = "grant_type=" + URLEncoder.encode(PRE_AUTHORIZED_GRANT, StandardCharsets.UTF_8)
                + "&pre-authorized_code=" + URLEncoder.encode(preAuthorizedCode, StandardCharsets.UTF_8);
        JsonNode answer = send(HttpRequest.newBuilder(endpoints.tokenEndpoint())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        return answer.path("access_token").asText();
    }

    public String nonce(Endpoints endpoints) {
        return send(HttpRequest.newBuilder(endpoints.nonceEndpoint()).POST(HttpRequest.BodyPublishers.noBody()).build())
                .path("c_nonce").asText();
    }

    public static ECKey newHolderKey() {
        try {
            return new ECKeyGenerator(Curve.P_256).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key proof signed by {@code signer}, naming {@code headerKey} as the holder key (the two differ only in tests). */
    public static String proof(ECKey signer, ECKey headerKey, String audience, String nonce, Instant issuedAt) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256)
                    .type(new JOSEObjectType("openid4vci-proof+jwt")).jwk(headerKey.toPublicJWK()).build(),
                    new JWTClaimsSet.Builder().audience(audience).issueTime(Date.from(issuedAt)).claim("nonce", nonce).build());
            jwt.sign(new ECDSASigner(signer));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String requestCredential(Endpoints endpoints, String accessToken, String configurationId, String proofJwt) {
        Map<String, Object> body = Map.of("credential_configuration_id", configurationId,
                "proofs", Map.of("jwt", List.of(proofJwt)));
        try {
            JsonNode answer = send(HttpRequest.newBuilder(endpoints.credentialEndpoint())
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + accessToken)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build());
            return answer.path("credentials").path(0).path("credential").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Checks the issuer's signature, the disclosures and the key binding; returns the disclosed claims. */
    public ReceivedCredential verify(String sdJwt, ECKey holderKey, String expectedIssuer) {
        String[] parts = sdJwt.split("~", -1);
        try {
            SignedJWT jwt = SignedJWT.parse(parts[0]);
            if (jwt.getHeader().getType() == null || !"dc+sd-jwt".equals(jwt.getHeader().getType().getType())) {
                throw new WalletException("invalid_credential", "typ is not dc+sd-jwt");
            }
            requireIssuerSignature(jwt, expectedIssuer);
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!expectedIssuer.equals(claims.getIssuer())) {
                throw new WalletException("invalid_credential", "iss is not the issuer of the offer");
            }
            if (claims.getExpirationTime() != null && claims.getExpirationTime().toInstant().isBefore(Instant.now())) {
                throw new WalletException("invalid_credential", "expired");
            }
            JWK bound = JWK.parse((Map<String, Object>) claims.getJSONObjectClaim("cnf").get("jwk"));
            if (!bound.computeThumbprint().equals(holderKey.toPublicJWK().computeThumbprint())) {
                throw new WalletException("invalid_credential", "cnf.jwk is not the holder's key");
            }
            Set<String> digests = new HashSet<>(claims.getStringListClaim("_sd"));
            Map<String, Object> disclosed = new LinkedHashMap<>();
            for (String name : List.of("big_number", "profession")) {
                if (claims.getClaim(name) != null) {
                    disclosed.put(name, claims.getClaim(name));
                }
            }
            for (String disclosure : Arrays.copyOfRange(parts, 1, parts.length)) {
                if (disclosure.isEmpty()) {
                    continue;
                }
                if (!digests.contains(digest(disclosure))) {
                    throw new WalletException("invalid_credential", "a disclosure is not covered by the signature");
                }
                JsonNode decoded = JSON.readTree(Base64.getUrlDecoder().decode(disclosure));
                disclosed.put(decoded.get(1).asText(), decoded.get(2).asText());
            }
            Map<String, Object> status = (Map<String, Object>) claims.getJSONObjectClaim("status").get("status_list");
            return new ReceivedCredential(sdJwt, claims.getIssuer(), claims.getStringClaim("vct"), disclosed, holderKey,
                    URI.create((String) status.get("uri")), ((Number) status.get("idx")).intValue());
        } catch (ParseException | JOSEException | IOException e) {
            throw new WalletException("invalid_credential", e.getMessage());
        }
    }

    /** Reads the credential's bit in the issuer's signed status list. */
    public boolean isRevoked(ReceivedCredential credential) {
        HttpResponse<String> response = raw(HttpRequest.newBuilder(credential.statusListUri()).GET().build());
        try {
            SignedJWT list = SignedJWT.parse(response.body());
            if (list.getHeader().getType() == null || !"statuslist+jwt".equals(list.getHeader().getType().getType())) {
                throw new WalletException("invalid_status_list", "typ is not statuslist+jwt");
            }
            requireIssuerSignature(list, credential.issuer());
            if (!credential.statusListUri().toString().equals(list.getJWTClaimsSet().getSubject())) {
                throw new WalletException("invalid_status_list", "sub is not the list's URI");
            }
            Map<String, Object> statusList = list.getJWTClaimsSet().getJSONObjectClaim("status_list");
            if (((Number) statusList.get("bits")).intValue() != 1) {
                throw new WalletException("invalid_status_list", "expected 1 bit per status");
            }
            byte[] bits = inflate(Base64.getUrlDecoder().decode((String) statusList.get("lst")));
            int index = credential.statusIndex();
            return (bits[index / 8] >> (index % 8) & 1) == 1;
        } catch (ParseException | JOSEException | DataFormatException e) {
            throw new WalletException("invalid_status_list", e.getMessage());
        }
    }

    private void requireIssuerSignature(SignedJWT jwt, String issuer) throws JOSEException {
        JsonNode metadata = getJson(URI.create(issuer + "/.well-known/jwt-vc-issuer"));
        try {
            JWKSet keys = JWKSet.parse(JSON.writeValueAsString(metadata.get("jwks")));
            JWK key = keys.getKeyByKeyId(jwt.getHeader().getKeyID());
            if (!(key instanceof ECKey ecKey) || !jwt.verify(new ECDSAVerifier(ecKey))) {
                throw new WalletException("invalid_signature", "not signed by a key the issuer publishes");
            }
        } catch (ParseException | IOException e) {
            throw new WalletException("invalid_metadata", "the issuer's keys cannot be read");
        }
    }

    private static byte[] inflate(byte[] compressed) throws DataFormatException {
        Inflater inflater = new Inflater();
        inflater.setInput(compressed);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!inflater.finished()) {
            int n = inflater.inflate(buffer);
            if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                break;
            }
            out.write(buffer, 0, n);
        }
        inflater.end();
        return out.toByteArray();
    }

    static String digest(String disclosure) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(disclosure.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode getJson(URI uri) {
        return send(HttpRequest.newBuilder(uri).GET().build());
    }

    private JsonNode send(HttpRequest request) {
        HttpResponse<String> response = raw(request);
        JsonNode body = parse(response.body());
        if (response.statusCode() / 100 != 2) {
            throw new WalletException(body.path("error").asText("http_" + response.statusCode()),
                    body.path("error_description").asText(body.path("message").asText("")));
        }
        return body;
    }

    private HttpResponse<String> raw(HttpRequest request) {
        try {
            return http.send(HttpRequest.newBuilder(request, (n, v) -> true).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new WalletException("unreachable", request.uri() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WalletException("interrupted", e.getMessage());
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new WalletException("invalid_response", "not JSON");
        }
    }
}
