package nl.bigregister.issuer.adapters.credenco;

import jakarta.json.bind.annotation.JsonbProperty;

import java.util.List;

/**
 * Body of {@code POST /api/v2/credential/issue}, field for field as Credenco documents it. Public only
 * because JSON-B reads public accessors; nothing outside this adapter uses it.
 */
public record IssueRequest(
        @JsonbProperty("correlation_id") String correlationId,
        @JsonbProperty("template_id") String templateId,
        @JsonbProperty("claims") Claims claims,
        @JsonbProperty("qr_code") QrCode qrCode,
        @JsonbProperty("callback") Callback callback) {

    public record Claims(
            @JsonbProperty("first_name") String firstName,
            @JsonbProperty("last_name") String lastName,
            @JsonbProperty("big_number") String bigNumber,
            @JsonbProperty("profession") String profession,
            // Omitted from the JSON when absent: JSON-B leaves out null properties.
            @JsonbProperty("specialism") String specialism,
            @JsonbProperty("registration_date") String registrationDate,
            @JsonbProperty("valid_until") String validUntil) {
    }

    public record QrCode(@JsonbProperty("size") int size) {
    }

    public record Callback(@JsonbProperty("url") String url, @JsonbProperty("status") List<String> status) {
    }
}
