package nl.bigregister.issuer.adapters.web.issuance;

import java.util.List;

/** A page of issuances and the cursor of the next page, if any. */
public record IssuanceList(List<IssuanceRepresentation> items, String nextCursor) {
}
