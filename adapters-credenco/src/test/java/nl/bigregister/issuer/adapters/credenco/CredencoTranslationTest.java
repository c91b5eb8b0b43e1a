package nl.bigregister.issuer.adapters.credenco;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.JsonbBuilder;
import nl.bigregister.issuer.application.port.out.CredentialIssuerRejectedException;
import nl.bigregister.issuer.application.port.out.OfferRequest;
import nl.bigregister.issuer.domain.BigNumber;
import nl.bigregister.issuer.domain.CallbackToken;
import nl.bigregister.issuer.domain.CorrelationId;
import nl.bigregister.issuer.domain.CredentialOffer;
import nl.bigregister.issuer.domain.PersonName;
import nl.bigregister.issuer.domain.Profession;
import nl.bigregister.issuer.domain.RegistrationClaims;
import nl.bigregister.issuer.domain.ReportedStatus;
import nl.bigregister.issuer.domain.Specialism;
import nl.bigregister.issuer.domain.StatusReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Credenco's wire format both ways: what we send is the documented request; what we get is checked. */
class CredencoTranslationTest {

    static final Instant NOW = Instant.parse("2026-03-19T09:00:00Z");
    static final String PNG = "data:image/png;base64," + Base64.getEncoder().encodeToString(
            new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13});
    static final CredencoSettings SETTINGS = new CredencoSettings(URI.create("https://wallet.example"), "key",
            "big_registration", 400, URI.create("https://issuer.example/"), Duration.ofSeconds(2), Duration.ofSeconds(5));

    static RegistrationClaims claims(Optional<Specialism> specialism) {
        return new RegistrationClaims(new BigNumber("29065432101"), new PersonName("Sophie"), new PersonName("de Vries"),
                Profession.PHYSIOTHERAPIST, specialism, LocalDate.parse("2026-03-19"), LocalDate.parse("2031-03-19"));
    }

    static JsonObject json(Object value) throws Exception {
        try (var jsonb = JsonbBuilder.create()) {
            return Json.createReader(new StringReader(jsonb.toJson(value))).readObject();
        }
    }

    @Test
    void issueRequestIsTheDocumentedOne() throws Exception {
        CallbackToken token = CallbackToken.generate();
        OfferRequest request = new OfferRequest(new CorrelationId("big-reg-sophie-2026"),
                claims(Optional.of(new Specialism("Sports Physiotherapy"))), token, NOW.plusSeconds(600));

        JsonObject body = json(CredencoTranslation.issueRequest(request, SETTINGS));

        assertThat(body.getString("correlation_id")).isEqualTo("big-reg-sophie-2026");
        assertThat(body.getString("template_id")).isEqualTo("big_registration");
        JsonObject claims = body.getJsonObject("claims");
        assertThat(claims.getString("first_name")).isEqualTo("Sophie");
        assertThat(claims.getString("last_name")).isEqualTo("de Vries");
        assertThat(claims.getString("big_number")).isEqualTo("29065432101");
        assertThat(claims.getString("profession")).isEqualTo("Physiotherapist");
        assertThat(claims.getString("specialism")).isEqualTo("Sports Physiotherapy");
        assertThat(claims.getString("registration_date")).isEqualTo("2026-03-19");
        assertThat(claims.getString("valid_until")).isEqualTo("2031-03-19");
        assertThat(body.getJsonObject("qr_code").getInt("size")).isEqualTo(400);
        assertThat(body.getJsonObject("callback").getString("url"))
                .isEqualTo("https://issuer.example/callbacks/credenco/" + token.value());
        assertThat(body.getJsonObject("callback").getJsonArray("status").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("credential_offer_retrieved", "issue_completed", "error");
    }

    @Test
    void absentSpecialismIsLeftOut() throws Exception {
        OfferRequest request = new OfferRequest(CorrelationId.generate(), claims(Optional.empty()),
                CallbackToken.generate(), NOW);
        assertThat(json(CredencoTranslation.issueRequest(request, SETTINGS)).getJsonObject("claims"))
                .doesNotContainKey("specialism");
    }

    @Test
    void documentedIssueResponseBecomesAnOffer() {
        String body = """
                {"correlation_id":"big-reg-sophie-2026",
                 "request_uri":"openid-credential-offer://?credential_offer_uri=https://w/openid4vc/credentialOffer?id=e1",
                 "status_uri":"https://wallet.example/api/v2/issue/big-reg-sophie-2026",
                 "qr_uri":"%s"}""".formatted(PNG);
        CredentialOffer offer = CredencoTranslation.offer(body, NOW.plusSeconds(600));
        assertThat(offer.uri()).startsWith("openid-credential-offer://");
        assertThat(offer.qrCode()).isEqualTo(PNG);
        assertThat(offer.statusUri()).isEqualTo(URI.create("https://wallet.example/api/v2/issue/big-reg-sophie-2026"));
        assertThat(offer.expiresAt()).isEqualTo(NOW.plusSeconds(600));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"status_uri\":\"https://w/s\",\"qr_uri\":\"QR\"}",
            "{\"request_uri\":\"https://not-an-offer\",\"status_uri\":\"https://w/s\",\"qr_uri\":\"QR\"}",
            "{\"request_uri\":\"openid-credential-offer://x\",\"status_uri\":\"https://w/s\",\"qr_uri\":\"https://w/qr.png\"}",
            "{\"request_uri\":\"openid-credential-offer://x\",\"status_uri\":\"https://w/s\",\"qr_uri\":\"data:image/png;base64,R0lGODlhAQABAAAAACw=\"}",
            "{\"request_uri\":\"openid-credential-offer://x\",\"status_uri\":\"https://w/s\",\"qr_uri\":\"data:image/png;base64,%%%\"}",
            "{\"request_uri\":\"openid-credential-offer://x\",\"qr_uri\":\"QR\"}",
            "{\"request_uri\":\"openid-credential-offer://x\",\"status_uri\":\"/relative\",\"qr_uri\":\"QR\"}",
            "<html><body>Bad gateway</body></html>",
            "",
            "[1,2]"})
    void malformedIssueResponsesAreAClearFailure(String template) {
        String body = template.replace("QR", PNG);
        assertThatThrownBy(() -> CredencoTranslation.offer(body, NOW))
                .isInstanceOf(CredentialIssuerRejectedException.class)
                .satisfies(e -> assertThat(((CredentialIssuerRejectedException) e).failure().code())
                        .isEqualTo("credenco_invalid_response"));
    }

    @Test
    void documentedStatusResponseBecomesAReport() {
        StatusReport report = CredencoTranslation.statusReport(new CorrelationId("big-reg-sophie-2026"), """
                {"status":"issue_completed","correlation_id":"big-reg-sophie-2026","last_updated":1751155200000,
                 "revocation_uuid":"0e2c1f62-3392-462e-a25e-483fa0e2a3a3"}""");
        assertThat(report.status()).isEqualTo(ReportedStatus.COMPLETED);
        assertThat(report.lastUpdated()).isEqualTo(Instant.ofEpochMilli(1751155200000L));
        assertThat(report.revocationId()).get().hasToString("0e2c1f62-3392-462e-a25e-483fa0e2a3a3");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"status\":\"on_holiday\",\"correlation_id\":\"c-1\",\"last_updated\":1}",
            "{\"status\":\"issue_completed\",\"correlation_id\":\"c-1\",\"last_updated\":1}",
            "{\"status\":\"issue_completed\",\"correlation_id\":\"someone-else\",\"last_updated\":1,\"revocation_uuid\":\"r\"}",
            "{\"correlation_id\":\"c-1\"}",
            "not json"})
    void unusableStatusResponsesAreAClearFailure(String body) {
        assertThatThrownBy(() -> CredencoTranslation.statusReport(new CorrelationId("c-1"), body))
                .isInstanceOf(CredentialIssuerRejectedException.class);
    }

    @Test
    void rejectionCarriesCredencosMessageWhenItHasOne() {
        assertThat(CredencoTranslation.rejection(400,
                "{\"status\":400,\"message\":\"Unknown template\",\"error_details\":[\"template_id\"]}").message())
                .contains("HTTP 400").contains("Unknown template");
        assertThat(CredencoTranslation.rejection(404, "<html>Not found</html>").message())
                .isEqualTo("Credenco answered HTTP 404");
    }

    @Test
    void retryAfterInSecondsOrAsADate() {
        assertThat(CredencoTranslation.retryAfter("7", NOW)).contains(Duration.ofSeconds(7));
        assertThat(CredencoTranslation.retryAfter("Thu, 19 Mar 2026 09:00:30 GMT", NOW)).contains(Duration.ofSeconds(30));
        assertThat(CredencoTranslation.retryAfter("soon", NOW)).isEmpty();
        assertThat(CredencoTranslation.retryAfter(null, NOW)).isEmpty();
    }
}
