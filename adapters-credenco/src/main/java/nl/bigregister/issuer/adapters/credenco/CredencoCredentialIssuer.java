package nl.bigregister.issuer.adapters.credenco;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.Response;
import nl.bigregister.issuer.application.port.out.CredentialIssuer;
import nl.bigregister.issuer.application.port.out.CredentialIssuerRejectedException;
import nl.bigregister.issuer.application.port.out.CredentialIssuerUnavailableException;
import nl.bigregister.issuer.application.port.out.OfferRequest;
import nl.bigregister.issuer.domain.CorrelationId;
import nl.bigregister.issuer.domain.CredentialOffer;
import nl.bigregister.issuer.domain.RevocationId;
import nl.bigregister.issuer.domain.StatusReport;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The Credenco Business Wallet behind the CredentialIssuer port. 4xx answers (but 408 and 429) are
 * permanent; 5xx, 408, 429, timeouts and connection failures are worth retrying, with Credenco's
 * Retry-After when it gives one.
 */
public final class CredencoCredentialIssuer implements CredentialIssuer {

    private static final Logger LOG = Logger.getLogger(CredencoCredentialIssuer.class.getName());
    /** Distinct status paths given a shared client; a Credenco handing out more gets a client per call. */
    private static final int MAX_STATUS_CLIENTS = 8;

    private final CredencoSettings settings;
    private final Clock clock;
    private final CredencoApi api;

    /**
     * Status clients by the status URI's parent (in practice one, Credenco's status path): building a Rest
     * Client costs far more than a call, and every open offer is polled.
     */
    private final Map<URI, CredencoStatusApi> statusClients = new ConcurrentHashMap<>();

    public CredencoCredentialIssuer(CredencoSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.api = client(settings.baseUrl(), CredencoApi.class);
    }

    private <T> T client(URI baseUri, Class<T> type) {
        ClientRequestFilter apiKey = request -> request.getHeaders().putSingle("x-api-key", settings.apiKey());
        return RestClientBuilder.newBuilder()
                .baseUri(baseUri)
                .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                // We classify every status ourselves instead of receiving exceptions.
                .property("microprofile.rest.client.disable.default.mapper", true)
                .register(apiKey)
                .build(type);
    }

    @Override
    public CredentialOffer createOffer(OfferRequest request) {
        IssueRequest body = CredencoTranslation.issueRequest(request, settings);
        return call("issue", () -> api.issue(body), text -> CredencoTranslation.offer(text, request.expiresAt()));
    }

    @Override
    public StatusReport fetchStatus(CorrelationId correlationId, URI statusUri) {
        URI target = sameOriginAsCredenco(statusUri) ? statusUri
                : settings.baseUrl().resolve("/api/v2/credential/issue/" + correlationId.value());
        Function<String, StatusReport> report = text -> CredencoTranslation.statusReport(correlationId, text);
        String last = lastSegment(target);
        if (last != null) {
            URI parent = target.resolve(".");
            CredencoStatusApi shared = statusClients.get(parent);
            if (shared == null && statusClients.size() < MAX_STATUS_CLIENTS) {
                shared = statusClients.computeIfAbsent(parent, p -> client(p, CredencoStatusApi.class));
            }
            if (shared != null) {
                CredencoStatusApi statusApi = shared;
                return call("status", () -> statusApi.status(last), report);
            }
        }
        CredencoStatusApi statusApi = client(target, CredencoStatusApi.class);
        try {
            return call("status", statusApi::status, report);
        } finally {
            closeQuietly(statusApi);
        }
    }

    /**
     * The decoded last path segment of a plain status URI ({@code …/issue/{id}}), or null when it has a
     * query, a fragment or no last segment; such a URI gets a client of its own for the one call.
     */
    private static String lastSegment(URI uri) {
        String path = uri.getRawPath();
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || path == null || path.endsWith("/")) {
            return null;
        }
        String segment = path.substring(path.lastIndexOf('/') + 1);
        return segment.isEmpty() ? null : URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Our API key only goes to Credenco's own host, whatever a status_uri says. */
    private boolean sameOriginAsCredenco(URI uri) {
        URI base = settings.baseUrl();
        boolean same = Objects.equals(uri.getScheme(), base.getScheme()) && Objects.equals(uri.getHost(), base.getHost())
                && uri.getPort() == base.getPort();
        if (!same) {
            LOG.warning(() -> "status_uri on another origin than CREDENCO_BASE_URL; using the documented status path");
        }
        return same;
    }

    @Override
    public void revoke(RevocationId revocationId) {
        call("revoke", () -> api.revoke(new RevokeRequest(revocationId.value())), text -> null);
    }

    private <T> T call(String what, java.util.function.Supplier<Response> http, Function<String, T> onSuccess) {
        Response response;
        try {
            response = http.get();
        } catch (ProcessingException e) {
            throw new CredentialIssuerUnavailableException("Credenco " + what + " call failed: " + rootMessage(e),
                    java.util.Optional.empty(), e);
        }
        try (response) {
            int status = response.getStatus();
            String text = response.hasEntity() ? response.readEntity(String.class) : "";
            if (status >= 200 && status < 300) {
                return onSuccess.apply(text);
            }
            if (status >= 500 || status == 408 || status == 429) {
                throw new CredentialIssuerUnavailableException("Credenco " + what + " answered HTTP " + status,
                        CredencoTranslation.retryAfter(response.getHeaderString("Retry-After"), clock.instant()), null);
            }
            if (status >= 400) {
                throw new CredentialIssuerRejectedException(CredencoTranslation.rejection(status, text));
            }
            throw CredencoTranslation.invalid("unexpected HTTP " + status + " from the " + what + " call");
        } catch (ProcessingException e) {
            throw new CredentialIssuerUnavailableException("Credenco " + what + " answer could not be read: "
                    + rootMessage(e), java.util.Optional.empty(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Nothing to do: the call is over.
        }
    }
}
