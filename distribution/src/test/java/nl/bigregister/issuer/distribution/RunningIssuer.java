package nl.bigregister.issuer.distribution;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged {@code big-issuer.jar} running as its own process on loopback, as an operator starts it. */
final class RunningIssuer implements AutoCloseable {

    private Process process;
    private final URI baseUri;
    private final Path log;
    private final ProcessBuilder builder;

    private RunningIssuer(ProcessBuilder builder, URI baseUri, Path log) throws IOException {
        this.builder = builder;
        this.process = builder.start();
        this.baseUri = baseUri;
        this.log = log;
    }

    static Path jar() {
        return Path.of(System.getProperty("issuer.jar", "target/big-issuer.jar"));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts the jar with these environment variables (and a fresh working directory) and waits until ready. */
    static RunningIssuer start(String name, Map<String, String> environment) throws IOException, InterruptedException {
        int port = freePort();
        Path workDir = Files.createTempDirectory("big-issuer-" + name);
        Path log = Path.of("target", "it-logs", name + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m", "-jar", jar().toAbsolutePath().toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = new HashMap<>(environment);
        env.put("PORT", String.valueOf(port));
        env.putIfAbsent("ISSUER_ENCRYPTION_KEY", java.util.Base64.getEncoder().encodeToString(
                (name + "-key-" + "x".repeat(32)).substring(0, 32).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        builder.environment().putAll(env);
        RunningIssuer issuer = new RunningIssuer(builder, URI.create("http://127.0.0.1:" + port), log);
        issuer.awaitReady(Duration.ofSeconds(120));
        return issuer;
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("big-issuer.jar exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> ready = client.send(HttpRequest.newBuilder(baseUri.resolve("/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        close();
        throw new IllegalStateException("big-issuer.jar not ready within " + timeout + "; see " + log);
    }

    /** kill -9: no shutdown of any kind. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Starts again in the same working directory (same database), on the same port, and waits until ready. */
    void restart() throws IOException, InterruptedException {
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        process = builder.start();
        awaitReady(Duration.ofSeconds(120));
    }

    URI uri(String path) {
        return baseUri.resolve(path);
    }

    URI baseUri() {
        return baseUri;
    }

    Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
