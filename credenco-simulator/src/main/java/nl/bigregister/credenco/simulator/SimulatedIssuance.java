package nl.bigregister.credenco.simulator;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One issuance as Credenco keeps it: the claims, the offer with its pre-authorized code, the access token
 * once redeemed, and the status the Credenco API reports. Guarded by its own monitor.
 */
final class SimulatedIssuance {

    final String correlationId;
    final Map<String, String> claims;
    final Optional<URI> callbackUrl;
    final List<String> callbackStatuses;
    final String offerId;
    final String preAuthorizedCode;
    final Instant codeExpiresAt;

    private String status = "issue_request_created";
    private Instant lastUpdated;
    private boolean codeRedeemed;
    private String accessToken;
    private String revocationUuid;
    private int statusListIndex = -1;

    SimulatedIssuance(String correlationId, Map<String, String> claims, Optional<URI> callbackUrl,
                      List<String> callbackStatuses, String offerId, String preAuthorizedCode,
                      Instant codeExpiresAt, Instant now) {
        this.correlationId = correlationId;
        this.claims = Map.copyOf(claims);
        this.callbackUrl = callbackUrl;
        this.callbackStatuses = List.copyOf(callbackStatuses);
        this.offerId = offerId;
        this.preAuthorizedCode = preAuthorizedCode;
        this.codeExpiresAt = codeExpiresAt;
        this.lastUpdated = now;
    }

    /** The wallet fetched the offer: only the first fetch moves the status. */
    synchronized boolean offerRetrieved(Instant now) {
        if (!status.equals("issue_request_created")) {
            return false;
        }
        move("credential_offer_retrieved", now);
        return true;
    }

    /** Exchanges the pre-authorized code for an access token, once and before it expires. */
    synchronized Optional<String> redeem(String code, String token, Instant now) {
        if (codeRedeemed || !preAuthorizedCode.equals(code) || !now.isBefore(codeExpiresAt)) {
            return Optional.empty();
        }
        codeRedeemed = true;
        accessToken = token;
        return Optional.of(token);
    }

    synchronized boolean isIssued() {
        return revocationUuid != null;
    }

    synchronized void issued(String revocation, int index, Instant now) {
        revocationUuid = revocation;
        statusListIndex = index;
        move("issue_completed", now);
    }

    synchronized void failed(Instant now) {
        if (!isIssued()) {
            move("error", now);
        }
    }

    private void move(String next, Instant now) {
        status = next;
        // Strictly increasing, so a receiver can order reports even within one millisecond.
        lastUpdated = now.isAfter(lastUpdated) ? now : lastUpdated.plusMillis(1);
    }

    synchronized String status() { return status; }
    synchronized Instant lastUpdated() { return lastUpdated; }
    synchronized Optional<String> accessToken() { return Optional.ofNullable(accessToken); }
    synchronized Optional<String> revocationUuid() { return Optional.ofNullable(revocationUuid); }
    synchronized int statusListIndex() { return statusListIndex; }
}
