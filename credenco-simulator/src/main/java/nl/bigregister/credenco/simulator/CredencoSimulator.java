package nl.bigregister.credenco.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A stand-in for the Credenco Business Wallet on loopback: its REST API v2, a real OpenID4VCI issuer
 * behind every offer, a token status list for revocation, and faults on demand. Embeddable in tests.
 */
public final class CredencoSimulator implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CredencoSimulator.class.getName());

    private final SimulatorSettings settings;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Faults faults = new Faults();
    private final CallbackSender callbacks = new CallbackSender(faults);
    private final CredencoApi credencoApi;
    private final OpenId4VciIssuer issuer;
    private volatile URI publicUrl;

    private CredencoSimulator(SimulatorSettings settings) throws IOException {
        this.settings = settings;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()), 512);
        this.publicUrl = settings.publicUrl() != null ? settings.publicUrl()
                : URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        ECKey signingKey;
        try {
            signingKey = new ECKeyGenerator(Curve.P_256).keyID("credenco-sim-" + UUID.randomUUID()).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        IssuanceBook book = new IssuanceBook();
        StatusList statusList = new StatusList(URI.create(publicUrl + "/openid4vc/status-lists/1"));
        Clock clock = Clock.systemUTC();
        this.credencoApi = new CredencoApi(settings.apiKey(), () -> publicUrl, book, statusList, callbacks, faults,
                clock, settings.preAuthorizedCodeTtl());
        this.issuer = new OpenId4VciIssuer(() -> publicUrl, book, statusList, signingKey, callbacks, clock);
        server.createContext("/", this::route);
        server.setExecutor(executor);
    }

    public static CredencoSimulator start(SimulatorSettings settings) throws IOException {
        CredencoSimulator simulator = new CredencoSimulator(settings);
        // Draw one QR code first: the image classes' first use takes a moment and, on virtual threads that
        // wait for it, holds every carrier, so the first calls would be handled, and logged, in a bunch.
        QrCodes.pngDataUri("warm-up", 400);
        simulator.server.start();
        LOG.info(() -> "Credenco simulator listening at " + simulator.publicUrl);
        return simulator;
    }

    /** Where the simulator is reached: its base URL, as CREDENCO_BASE_URL. */
    public URI baseUrl() {
        return publicUrl;
    }

    public String apiKey() {
        return settings.apiKey();
    }

    public Faults faults() {
        return faults;
    }

    /** Every issue call received, in order, with when it came and for which BIG number. */
    public java.util.List<CredencoApi.IssueCall> issueCalls() {
        return credencoApi.issueCalls();
    }

    private void route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        try {
            switch (method + " " + path) {
                case "POST /api/v2/credential/issue" -> credencoApi.issue(exchange);
                case "POST /api/v2/credential/revoke" -> credencoApi.revoke(exchange);
                case "GET /openid4vc/credentialOffer" -> issuer.credentialOffer(exchange);
                case "GET /.well-known/openid-credential-issuer" -> issuer.issuerMetadata(exchange);
                case "GET /.well-known/oauth-authorization-server" -> issuer.authorizationServerMetadata(exchange);
                case "GET /.well-known/jwt-vc-issuer" -> issuer.issuerKeys(exchange);
                case "POST /openid4vc/token" -> issuer.token(exchange);
                case "POST /openid4vc/nonce" -> issuer.nonce(exchange);
                case "POST /openid4vc/credential" -> issuer.credential(exchange);
                case "GET /openid4vc/status-lists/1" -> issuer.statusList(exchange);
                case "GET /admin/faults", "PUT /admin/faults", "DELETE /admin/faults" -> faults(exchange, method);
                case "GET /admin/issue-calls" -> issueCalls(exchange);
                default -> {
                    // The documented status path, and the shorter one Credenco's public docs show.
                    String id = statusId(path);
                    if ("GET".equals(method) && id != null) {
                        credencoApi.status(exchange, id);
                    } else {
                        throw new HttpProblem(404, "Not found", null);
                    }
                }
            }
        } catch (HttpProblem problem) {
            JsonHttp.sendCredencoError(exchange, problem);
        } catch (Faults.RateLimited limited) {
            exchange.getResponseHeaders().set("Retry-After", String.valueOf(limited.retryAfterSeconds));
            JsonHttp.sendCredencoError(exchange, new HttpProblem(429, limited.getMessage(), null));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "simulator failed on " + method + " " + path, e);
            JsonHttp.sendCredencoError(exchange, new HttpProblem(500, "Internal error", null));
        }
    }

    private static String statusId(String path) {
        for (String prefix : new String[]{"/api/v2/credential/issue/", "/api/v2/issue/"}) {
            if (path.startsWith(prefix) && path.length() > prefix.length()) {
                return URLDecoder.decode(path.substring(prefix.length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** When each issue call arrived, in epoch milliseconds, a line each: for measuring a client's rate. */
    private void issueCalls(HttpExchange exchange) throws IOException {
        credencoApi.requireApiKey(exchange);
        StringBuilder lines = new StringBuilder();
        credencoApi.issueCalls().forEach(call -> lines.append(call.at().toEpochMilli()).append('\n'));
        JsonHttp.send(exchange, 200, "text/plain; charset=utf-8", lines.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void faults(HttpExchange exchange, String method) throws IOException {
        credencoApi.requireApiKey(exchange);
        switch (method) {
            case "PUT" -> {
                JsonNode body = JsonHttp.jsonBody(exchange);
                faults.set(new Faults.Settings(
                        body.path("latencyMillis").asLong(0),
                        body.path("errorRate").asDouble(0),
                        body.path("rateLimitRate").asDouble(0),
                        body.path("retryAfterSeconds").asInt(1),
                        Instant.now().plusSeconds(body.path("outageSeconds").asLong(0)),
                        body.path("dropCallbacks").asBoolean(false),
                        body.path("duplicateCallbacks").asBoolean(false),
                        body.path("reorderCallbacks").asBoolean(false)));
            }
            case "DELETE" -> faults.reset();
            default -> { }
        }
        Faults.Settings s = faults.current();
        java.util.Map<String, Object> view = new java.util.LinkedHashMap<>();
        view.put("latencyMillis", s.latencyMillis());
        view.put("errorRate", s.errorRate());
        view.put("rateLimitRate", s.rateLimitRate());
        view.put("retryAfterSeconds", s.retryAfterSeconds());
        view.put("outageUntil", s.outageUntil().toString());
        view.put("dropCallbacks", s.dropCallbacks());
        view.put("duplicateCallbacks", s.duplicateCallbacks());
        view.put("reorderCallbacks", s.reorderCallbacks());
        JsonHttp.send(exchange, 200, view);
    }

    @Override
    public void close() {
        server.stop(0);
        callbacks.close();
        executor.shutdownNow();
    }
}
