package nl.bigregister.issuer.adapters.credenco;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import nl.bigregister.issuer.application.port.out.CredentialIssuerRejectedException;
import nl.bigregister.issuer.application.port.out.OfferRequest;
import nl.bigregister.issuer.domain.CorrelationId;
import nl.bigregister.issuer.domain.CredentialOffer;
import nl.bigregister.issuer.domain.Failure;
import nl.bigregister.issuer.domain.InvalidValueException;
import nl.bigregister.issuer.domain.RegistrationClaims;
import nl.bigregister.issuer.domain.ReportedStatus;
import nl.bigregister.issuer.domain.RevocationId;
import nl.bigregister.issuer.domain.Specialism;
import nl.bigregister.issuer.domain.StatusReport;

import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Translates between our model and Credenco's wire format, both ways. What Credenco returns is
 * checked, not trusted: anything we cannot use becomes a {@link CredentialIssuerRejectedException}
 * with a code that says what was wrong, never an uncaught exception.
 */
final class CredencoTranslation {

    /**
     * The statuses we ask Credenco to call us back for: those after the offer. The issue call's own answer
     * already says the offer exists, so an {@code issue_request_created} callback would only cost a status
     * call per offer that can tell us nothing new.
     */
    static final List<String> CALLBACK_STATUSES =
            List.of("credential_offer_retrieved", "issue_completed", "error");

    /** Made once: {@code Json.createReader} looks the provider up on the class path on every call. */
    private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private CredencoTranslation() {
    }

    static IssueRequest issueRequest(OfferRequest request, CredencoSettings settings) {
        RegistrationClaims c = request.claims();
        return new IssueRequest(
                request.correlationId().value(),
                settings.templateId(),
                new IssueRequest.Claims(c.firstName().value(), c.lastName().value(), c.bigNumber().value(),
                        c.profession().englishName(), c.specialism().map(Specialism::value).orElse(null),
                        c.registrationDate().toString(), c.validUntil().toString()),
                new IssueRequest.QrCode(settings.qrSize()),
                new IssueRequest.Callback(settings.callbackUrl(request.callbackToken().value()).toString(),
                        CALLBACK_STATUSES));
    }

    /** The offer in a successful issue response. */
    static CredentialOffer offer(String body, Instant expiresAt) {
        JsonObject json = object(body);
        String requestUri = string(json, "request_uri")
                .orElseThrow(() -> invalid("the issue response has no request_uri"));
        if (!requestUri.startsWith("openid-credential-offer://")) {
            throw invalid("request_uri is not an openid-credential-offer:// URI");
        }
        String qr = string(json, "qr_uri").orElseThrow(() -> invalid("the issue response has no qr_uri"));
        requirePngDataUri(qr);
        URI statusUri = string(json, "status_uri").map(CredencoTranslation::absoluteUri)
                .orElseThrow(() -> invalid("the issue response has no status_uri"));
        return new CredentialOffer(requestUri, qr, statusUri, expiresAt);
    }

    private static void requirePngDataUri(String qr) {
        if (!qr.startsWith(CredentialOffer.QR_PREFIX)) {
            throw invalid("qr_uri is not a PNG data URI");
        }
        byte[] image;
        try {
            image = Base64.getDecoder().decode(qr.substring(CredentialOffer.QR_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw invalid("qr_uri is not valid base64");
        }
        if (image.length < PNG_SIGNATURE.length
                || !java.util.Arrays.equals(image, 0, PNG_SIGNATURE.length, PNG_SIGNATURE, 0, PNG_SIGNATURE.length)) {
            throw invalid("qr_uri does not hold a PNG image");
        }
    }

    private static URI absoluteUri(String text) {
        try {
            URI uri = URI.create(text);
            if (!uri.isAbsolute() || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw invalid("status_uri is not an absolute http(s) URI");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw invalid("status_uri is not a URI");
        }
    }

    /** A status response, checked to be about the attempt we asked for. */
    static StatusReport statusReport(CorrelationId expected, String body) {
        JsonObject json = object(body);
        String status = string(json, "status").orElseThrow(() -> invalid("the status response has no status"));
        ReportedStatus reported = switch (status) {
            case "issue_request_created" -> ReportedStatus.OFFER_CREATED;
            case "credential_offer_retrieved" -> ReportedStatus.OFFER_RETRIEVED;
            case "issue_completed" -> ReportedStatus.COMPLETED;
            case "error" -> ReportedStatus.ERROR;
            default -> throw invalid("unknown status " + truncate(status));
        };
        Optional<String> correlation = string(json, "correlation_id");
        if (correlation.isPresent() && !correlation.get().equals(expected.value())) {
            throw invalid("the status response is about another correlation_id");
        }
        Instant lastUpdated = json.get("last_updated") instanceof JsonNumber n
                ? Instant.ofEpochMilli(n.longValue())
                : Instant.EPOCH;
        Optional<RevocationId> revocationId = string(json, "revocation_uuid").map(v -> {
            try {
                return new RevocationId(v);
            } catch (InvalidValueException e) {
                throw invalid("revocation_uuid is malformed");
            }
        });
        if (reported == ReportedStatus.COMPLETED && revocationId.isEmpty()) {
            throw invalid("issue_completed without a revocation_uuid");
        }
        Optional<String> message = string(json, "message").or(() -> string(json, "error_details"));
        return new StatusReport(expected, reported, lastUpdated, revocationId, message.map(CredencoTranslation::truncate));
    }

    /** What a permanent 4xx answer says, from Credenco's error body when it has one. */
    static Failure rejection(int httpStatus, String body) {
        String message = "Credenco answered HTTP " + httpStatus;
        try {
            JsonObject json = object(body);
            Optional<String> text = string(json, "message");
            Optional<String> details = json.get("error_details") == null || json.get("error_details") == JsonValue.NULL
                    ? Optional.empty() : Optional.of(json.get("error_details").toString());
            if (text.isPresent()) {
                message = message + ": " + text.get() + details.map(d -> " (" + d + ")").orElse("");
            }
        } catch (CredentialIssuerRejectedException notJson) {
            // An HTML or empty error page: the status code is all we know.
        }
        return new Failure("credenco_rejected", truncate(message));
    }

    /** The wait Credenco asked for in Retry-After: delay-seconds or an HTTP date. */
    static Optional<Duration> retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(now, at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
    }

    private static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            throw invalid("the response body is empty");
        }
        try (var reader = JSON.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            throw invalid("the response is not a JSON object");
        }
    }

    private static Optional<String> string(JsonObject json, String name) {
        return json.get(name) instanceof JsonString s && !s.getString().isBlank()
                ? Optional.of(s.getString()) : Optional.empty();
    }

    private static String truncate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    static CredentialIssuerRejectedException invalid(String message) {
        return new CredentialIssuerRejectedException(new Failure("credenco_invalid_response", message));
    }
}
