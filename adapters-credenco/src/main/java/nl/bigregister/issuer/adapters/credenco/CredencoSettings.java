package nl.bigregister.issuer.adapters.credenco;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/** How to reach Credenco and what to ask of it; from configuration. The API key is never printed. */
public record CredencoSettings(URI baseUrl, String apiKey, String templateId, int qrSize, URI publicBaseUrl,
                               Duration connectTimeout, Duration readTimeout) {

    public CredencoSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("CREDENCO_API_KEY is required");
        }
        if (templateId == null || templateId.isBlank()) {
            throw new IllegalArgumentException("CREDENCO_TEMPLATE_ID must not be blank");
        }
        if (qrSize < 100 || qrSize > 2000) {
            throw new IllegalArgumentException("the QR size must be between 100 and 2000 pixels");
        }
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
    }

    /** Where Credenco posts status changes for the attempt holding this token. */
    URI callbackUrl(String token) {
        String base = publicBaseUrl.toString().replaceAll("/+$", "");
        return URI.create(base + "/callbacks/credenco/" + token);
    }

    @Override
    public String toString() {
        return "CredencoSettings[baseUrl=" + baseUrl + ", templateId=" + templateId + ", qrSize=" + qrSize + "]";
    }
}
