package nl.bigregister.issuer.adapters.web.issuance;

import nl.bigregister.issuer.adapters.web.problem.InvalidRequestException;
import nl.bigregister.issuer.adapters.web.problem.Problem;
import nl.bigregister.issuer.application.port.out.IssuanceSearch;
import nl.bigregister.issuer.domain.IssuanceId;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/** The opaque {@code cursor} of keyset pagination: where the previous page ended, base64url. */
final class PageCursor {

    private PageCursor() {
    }

    static String encode(IssuanceSearch.Position position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                (position.createdAt() + "|" + position.id()).getBytes(StandardCharsets.UTF_8));
    }

    static IssuanceSearch.Position decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            return new IssuanceSearch.Position(Instant.parse(parts[0]), IssuanceId.parse(parts[1]));
        } catch (RuntimeException e) {
            throw new InvalidRequestException(List.of(new Problem.FieldError("cursor", "is not a cursor this API gave out")));
        }
    }
}
