package nl.bigregister.issuer.domain;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * An open OpenID4VCI credential offer: the offer URI the wallet scans, the QR code image of it as a
 * PNG data URI, where Credenco reports its status (opaque), and when we stop waiting for the wallet.
 */
public record CredentialOffer(String uri, String qrCode, URI statusUri, Instant expiresAt) {

    public static final String QR_PREFIX = "data:image/png;base64,";

    public CredentialOffer {
        if (uri == null || uri.isBlank()) {
            throw new InvalidValueException("offer.uri", "is required");
        }
        if (qrCode == null || !qrCode.startsWith(QR_PREFIX) || qrCode.length() == QR_PREFIX.length()) {
            throw new InvalidValueException("offer.qrCode", "must be a PNG data URI");
        }
        Objects.requireNonNull(statusUri, "statusUri");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
