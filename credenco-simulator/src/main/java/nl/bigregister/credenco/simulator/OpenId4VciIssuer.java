package nl.bigregister.credenco.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The OpenID4VCI 1.0 issuer behind each offer, pre-authorized code flow: the offer by reference, issuer and
 * authorization-server metadata, token, nonce and credential endpoints, the issuer's keys and the status list.
 */
final class OpenId4VciIssuer {

    static final String CONFIGURATION_ID = "BIGRegistration_dc+sd-jwt";
    static final String PRE_AUTHORIZED_GRANT = "urn:ietf:params:oauth:grant-type:pre-authorized_code";
    private static final Duration NONCE_TTL = Duration.ofMinutes(5);
    private static final Duration PROOF_MAX_AGE = Duration.ofMinutes(5);

    private final Supplier<URI> publicUrl;
    private final IssuanceBook book;
    private final StatusList statusList;
    private final ECKey signingKey;
    private final CallbackSender callbacks;
    private final Clock clock;

    OpenId4VciIssuer(Supplier<URI> publicUrl, IssuanceBook book, StatusList statusList, ECKey signingKey,
                     CallbackSender callbacks, Clock clock) {
        this.publicUrl = publicUrl;
        this.book = book;
        this.statusList = statusList;
        this.signingKey = signingKey;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    private String issuer() {
        return publicUrl.get().toString();
    }

    void credentialOffer(HttpExchange exchange) throws IOException {
        String offerId = JsonHttp.query(exchange).get("id");
        SimulatedIssuance issuance = book.byOfferId(offerId == null ? "" : offerId)
                .orElseThrow(() -> new HttpProblem(404, "Unknown credential offer", null));
        ObjectNode offer = JsonHttp.MAPPER.createObjectNode();
        offer.put("credential_issuer", issuer());
        offer.putArray("credential_configuration_ids").add(CONFIGURATION_ID);
        offer.putObject("grants").putObject(PRE_AUTHORIZED_GRANT).put("pre-authorized_code", issuance.preAuthorizedCode);
        JsonHttp.send(exchange, 200, offer);
        if (issuance.offerRetrieved(clock.instant())) {
            callbacks.statusChanged(issuance, issuance.status(), issuance.lastUpdated());
        }
    }

    void issuerMetadata(HttpExchange exchange) throws IOException {
        ObjectNode metadata = JsonHttp.MAPPER.createObjectNode();
        metadata.put("credential_issuer", issuer());
        metadata.put("credential_endpoint", issuer() + "/openid4vc/credential");
        metadata.put("nonce_endpoint", issuer() + "/openid4vc/nonce");
        ObjectNode configuration = metadata.putObject("credential_configurations_supported").putObject(CONFIGURATION_ID);
        configuration.put("format", "dc+sd-jwt");
        configuration.put("vct", SdJwtVcIssuer.VCT);
        configuration.put("scope", "BIGRegistration");
        configuration.putArray("cryptographic_binding_methods_supported").add("jwk");
        configuration.putArray("credential_signing_alg_values_supported").add("ES256");
        configuration.putObject("proof_types_supported").putObject("jwt")
                .putArray("proof_signing_alg_values_supported").add("ES256");
        ObjectNode display = configuration.putObject("credential_metadata").putArray("display").addObject();
        display.put("name", "BIG-registratie");
        display.put("locale", "nl-NL");
        ArrayNode claims = configuration.withObject("/credential_metadata").putArray("claims");
        for (String name : List.of("big_number", "profession", "first_name", "last_name", "specialism",
                "registration_date", "valid_until")) {
            claims.addObject().putArray("path").add(name);
        }
        JsonHttp.send(exchange, 200, metadata);
    }

    void authorizationServerMetadata(HttpExchange exchange) throws IOException {
        ObjectNode metadata = JsonHttp.MAPPER.createObjectNode();
        metadata.put("issuer", issuer());
        metadata.put("token_endpoint", issuer() + "/openid4vc/token");
        metadata.putArray("grant_types_supported").add(PRE_AUTHORIZED_GRANT);
        metadata.put("pre-authorized_grant_anonymous_access_supported", true);
        JsonHttp.send(exchange, 200, metadata);
    }

    void issuerKeys(HttpExchange exchange) throws IOException {
        ObjectNode body = JsonHttp.MAPPER.createObjectNode();
        body.put("issuer", issuer());
        body.set("jwks", JsonHttp.MAPPER.valueToTree(new JWKSet(signingKey.toPublicJWK()).toJSONObject()));
        JsonHttp.send(exchange, 200, body);
    }

    void statusList(HttpExchange exchange) throws IOException {
        JsonHttp.send(exchange, 200, "application/statuslist+jwt",
                statusList.signedJwt(signingKey, clock.instant()).getBytes(StandardCharsets.US_ASCII));
    }

    void token(HttpExchange exchange) throws IOException {
        Map<String, String> form = JsonHttp.form(exchange);
        if (!PRE_AUTHORIZED_GRANT.equals(form.get("grant_type"))) {
            JsonHttp.sendOAuthError(exchange, 400, "unsupported_grant_type", "only the pre-authorized code grant");
            return;
        }
        String code = form.get("pre-authorized_code");
        String token = IssuanceBook.secret();
        var redeemed = book.byCode(code).flatMap(i -> i.redeem(code, token, clock.instant()).map(t -> i));
        if (redeemed.isEmpty()) {
            JsonHttp.sendOAuthError(exchange, 400, "invalid_grant",
                    "the pre-authorized code is unknown, already used or expired");
            return;
        }
        book.tokenIssued(token, redeemed.get());
        ObjectNode answer = JsonHttp.MAPPER.createObjectNode();
        answer.put("access_token", token);
        answer.put("token_type", "Bearer");
        answer.put("expires_in", 300);
        JsonHttp.send(exchange, 200, answer);
    }

    void nonce(HttpExchange exchange) throws IOException {
        ObjectNode answer = JsonHttp.MAPPER.createObjectNode();
        answer.put("c_nonce", book.newNonce(clock.instant(), NONCE_TTL));
        JsonHttp.send(exchange, 200, answer);
    }

    void credential(HttpExchange exchange) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
        var found = book.byToken(token);
        if (found.isEmpty()) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            JsonHttp.sendOAuthError(exchange, 401, "invalid_token", "unknown access token");
            return;
        }
        SimulatedIssuance issuance = found.get();
        JsonNode request = JsonHttp.jsonBody(exchange);
        if (!CONFIGURATION_ID.equals(CredencoApi.text(request, "credential_configuration_id"))) {
            JsonHttp.sendOAuthError(exchange, 400, "unknown_credential_configuration", "expected " + CONFIGURATION_ID);
            return;
        }
        if (issuance.isIssued()) {
            JsonHttp.sendOAuthError(exchange, 400, "invalid_credential_request", "this offer has been issued already");
            return;
        }
        String proofJwt = proofJwt(request);
        JWK holderKey;
        try {
            holderKey = verifiedHolderKey(proofJwt);
        } catch (InvalidProof e) {
            JsonHttp.sendOAuthError(exchange, 400, e.error, e.getMessage());
            return;
        }
        int index = statusList.allocate();
        Instant now = clock.instant();
        String credential = new SdJwtVcIssuer(signingKey, publicUrl.get())
                .issue(issuance.claims, holderKey, statusList.uri(), index, now);
        String revocationUuid = UUID.randomUUID().toString();
        issuance.issued(revocationUuid, index, now);
        book.revocable(revocationUuid, issuance);
        ObjectNode answer = JsonHttp.MAPPER.createObjectNode();
        answer.putArray("credentials").addObject().put("credential", credential);
        JsonHttp.send(exchange, 200, answer);
        callbacks.statusChanged(issuance, issuance.status(), issuance.lastUpdated());
    }

    /** OpenID4VCI 1.0 sends {@code proofs: {jwt: [...]}}; earlier drafts {@code proof: {proof_type, jwt}}. */
    private static String proofJwt(JsonNode request) {
        JsonNode proofs = request.path("proofs").path("jwt");
        if (proofs.isArray() && proofs.size() == 1) {
            return proofs.get(0).asText();
        }
        JsonNode proof = request.path("proof");
        return "jwt".equals(proof.path("proof_type").asText()) ? proof.path("jwt").asText(null) : null;
    }

    private JWK verifiedHolderKey(String proofJwt) {
        if (proofJwt == null) {
            throw new InvalidProof("invalid_proof", "one jwt proof is required");
        }
        try {
            SignedJWT proof = SignedJWT.parse(proofJwt);
            var header = proof.getHeader();
            if (header.getType() == null || !"openid4vci-proof+jwt".equals(header.getType().getType())) {
                throw new InvalidProof("invalid_proof", "typ must be openid4vci-proof+jwt");
            }
            if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
                throw new InvalidProof("invalid_proof", "alg must be ES256");
            }
            JWK key = header.getJWK();
            if (!(key instanceof ECKey ecKey) || key.isPrivate()) {
                throw new InvalidProof("invalid_proof", "the header must carry the holder's public EC key as jwk");
            }
            if (!proof.verify(new ECDSAVerifier(ecKey))) {
                throw new InvalidProof("invalid_proof", "the proof signature does not verify with its jwk");
            }
            JWTClaimsSet claims = proof.getJWTClaimsSet();
            if (claims.getAudience() == null || !claims.getAudience().contains(issuer())) {
                throw new InvalidProof("invalid_proof", "aud must be the credential issuer " + issuer());
            }
            Instant now = clock.instant();
            if (claims.getIssueTime() == null || claims.getIssueTime().toInstant().isBefore(now.minus(PROOF_MAX_AGE))
                    || claims.getIssueTime().toInstant().isAfter(now.plus(Duration.ofMinutes(1)))) {
                throw new InvalidProof("invalid_proof", "iat must be recent");
            }
            if (!book.consumeNonce(claims.getStringClaim("nonce"), now)) {
                throw new InvalidProof("invalid_nonce", "the nonce is unknown, used or expired; get a fresh one");
            }
            return key;
        } catch (ParseException | JOSEException e) {
            throw new InvalidProof("invalid_proof", "the proof is not a valid signed JWT");
        }
    }

    /** A proof the credential endpoint rejects, with its OpenID4VCI error code. */
    private static final class InvalidProof extends RuntimeException {
        final String error;

        InvalidProof(String error, String message) {
            super(message);
            this.error = error;
        }
    }
}
