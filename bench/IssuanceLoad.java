// Load generator and zero-latency Credenco stub for the benchmarks; JDK only, run as `java IssuanceLoad.java …`.
//   java IssuanceLoad.java stub <port>                         a Credenco stub answering the issue call at once
//   java IssuanceLoad.java load <url> <apiKey> <connections> <seconds> [perSecond]
//        POSTs Sophie's issuance in a closed loop, or, with perSecond, each connection paced at perSecond
//        divided by the connections (what a portal's users send, rather than as fast as the server answers)
// `load` prints one line: requests, errors, throughput (req/s), p50 and p99 latency (ms).

import com.sun.net.httpserver.HttpServer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

public class IssuanceLoad {

    static final String BODY = """
            {"bigNumber":"29065432101","firstName":"Sophie","lastName":"de Vries","profession":"Physiotherapist",
             "specialism":"Sports Physiotherapy","registrationDate":"2026-03-19","validUntil":"2031-03-19"}""";

    // A 1x1 PNG: the stub must answer what Credenco answers, not draw QR codes.
    static final String PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "stub" -> stub(Integer.parseInt(args[1]));
            case "load" -> load(URI.create(args[1]), args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    args.length > 5 ? Double.parseDouble(args[5]) : 0);
            default -> throw new IllegalArgumentException("stub or load");
        }
    }

    static void stub(int port) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/api/v2/credential/issue", exchange -> {
            if (exchange.getRequestMethod().equals("GET")) {
                // The status call: the wallet never comes in a benchmark, so the offer stays open.
                String id = exchange.getRequestURI().getPath().substring("/api/v2/credential/issue/".length());
                byte[] status = ("{\"status\":\"issue_request_created\",\"correlation_id\":\"" + id
                        + "\",\"last_updated\":1}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, status.length);
                exchange.getResponseBody().write(status);
                exchange.close();
                return;
            }
            String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int at = request.indexOf("\"correlation_id\":\"");
            String correlationId = at < 0 ? "bench" : request.substring(at + 18, request.indexOf('"', at + 18));
            byte[] answer = ("{\"correlation_id\":\"" + correlationId + "\",\"request_uri\":\"openid-credential-offer://?credential_offer_uri="
                    + "http%3A%2F%2F127.0.0.1%2Foffer%3Fid%3D1\",\"status_uri\":\"http://127.0.0.1:" + port
                    + "/api/v2/credential/issue/" + correlationId + "\",\"qr_uri\":\"" + PNG + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        System.out.println("stub ready on " + port);
        Thread.currentThread().join();
    }

    static void load(URI url, String apiKey, int connections, int seconds, double perSecond) throws Exception {
        long pace = perSecond > 0 ? (long) (connections * 1e9 / perSecond) : 0;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long[][] latencies = new long[connections][];
        int[] counts = new int[connections];
        AtomicLong errors = new AtomicLong();
        Thread[] workers = new Thread[connections];
        long started = System.nanoTime();
        for (int w = 0; w < connections; w++) {
            int worker = w;
            latencies[w] = new long[1 << 20];
            workers[w] = Thread.ofPlatform().start(() -> {
                HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json").header("X-API-Key", apiKey)
                        .POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
                long next = System.nanoTime();
                while (System.nanoTime() < deadline && counts[worker] < latencies[worker].length) {
                    if (pace > 0) {
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                        next += pace;
                    }
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() / 100 != 2) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latencies[worker][counts[worker]++] = System.nanoTime() - t0;
                }
            });
        }
        for (Thread t : workers) {
            t.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int w = 0; w < connections; w++) {
            System.arraycopy(latencies[w], 0, all, at, counts[w]);
            at += counts[w];
        }
        Arrays.sort(all);
        System.out.printf("requests=%d errors=%d throughput=%.1f p50=%.2f p99=%.2f%n", total, errors.get(),
                total / elapsed, all[(int) (total * 0.50)] / 1e6, all[Math.min(total - 1, (int) (total * 0.99))] / 1e6);
    }
}
