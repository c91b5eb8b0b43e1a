package nl.bigregister.credenco.simulator;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** How the simulator runs: port, the API key it expects, the URL it is reached at, the code lifetime. */
public record SimulatorSettings(int port, String apiKey, URI publicUrl, Duration preAuthorizedCodeTtl) {

    /** The documented demo key; the simulator is never exposed beyond loopback. */
    public static final String DEMO_API_KEY = "demo-credenco-key";

    public SimulatorSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("SIMULATOR_PORT must be a port number");
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("SIMULATOR_API_KEY must not be blank");
        }
    }

    /** From SIMULATOR_PORT (8081), SIMULATOR_API_KEY (the demo key) and SIMULATOR_PUBLIC_URL. */
    public static SimulatorSettings fromEnvironment(Map<String, String> env) {
        int port = Integer.parseInt(env.getOrDefault("SIMULATOR_PORT", "8081"));
        String publicUrl = env.getOrDefault("SIMULATOR_PUBLIC_URL", "http://127.0.0.1:" + port);
        return new SimulatorSettings(port, env.getOrDefault("SIMULATOR_API_KEY", DEMO_API_KEY),
                URI.create(publicUrl.replaceAll("/+$", "")), Duration.ofMinutes(5));
    }

    /** For tests: a free port, a given key, short code lifetime. */
    public static SimulatorSettings forTests(String apiKey, Duration preAuthorizedCodeTtl) {
        return new SimulatorSettings(0, apiKey, null, preAuthorizedCodeTtl);
    }
}
