package nl.bigregister.issuer.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Entry point of {@code big-issuer.jar}: checks the configuration, then starts Payara Micro with what the
 * environment asks (PORT, ISSUER_BIND_ADDRESS) and safe defaults: HTTP on loopback only, no clustering,
 * no phone-home. It refuses to start rather than run unconfigured or with the published demo keys.
 */
public final class Launcher {

    /** The demo keys printed in the README; accepted only when ISSUER_DEMO=true. */
    static final List<String> DEMO_KEYS = List.of("demo-portal-key", "demo-batch-key", "demo-auditor-key", "demo-admin-key");

    private Launcher() {
    }

    public static void main(String[] args) throws IOException {
        List<String> problems = configurationProblems();
        if (!problems.isEmpty()) {
            System.err.println("BIG Credential Issuer refuses to start:");
            problems.forEach(p -> System.err.println("  - " + p));
            System.err.println("See the README's configuration table. For the demo, run ./demo.sh instead.");
            System.exit(2);
        }
        String port = setting("PORT", "8080");
        String bindAddress = setting("ISSUER_BIND_ADDRESS", "127.0.0.1");
        Path preboot = Files.createTempFile("big-issuer-preboot", ".asadmin");
        preboot.toFile().deleteOnExit();
        Files.writeString(preboot, "set configs.config.server-config.network-config.network-listeners."
                + "network-listener.http-listener.address=" + bindAddress + "\n", StandardCharsets.UTF_8);

        List<String> payara = new ArrayList<>(List.of("--port", port, "--nocluster", "--disablephonehome",
                "--prebootcommandfile", preboot.toString()));
        payara.addAll(List.of(args));
        fish.payara.micro.PayaraMicro.main(payara.toArray(String[]::new));
    }

    static List<String> configurationProblems() {
        List<String> problems = new ArrayList<>();
        String clients = setting("ISSUER_CLIENTS", "");
        if (clients.isBlank()) {
            problems.add("ISSUER_CLIENTS is not set: no client could call the API (id:role[+role]:sha256hex;...)");
        } else if (!"true".equalsIgnoreCase(setting("ISSUER_DEMO", "false"))) {
            String configured = clients.toLowerCase(Locale.ROOT);
            for (String demoKey : DEMO_KEYS) {
                if (configured.contains(sha256Hex(demoKey))) {
                    problems.add("ISSUER_CLIENTS contains the published demo key '" + demoKey.replaceAll("-key$", "")
                            + "…': use keys of your own (set ISSUER_DEMO=true only for the demo)");
                }
            }
        }
        if (setting("CREDENCO_BASE_URL", "").isBlank()) {
            problems.add("CREDENCO_BASE_URL is not set: where is the Credenco Business Wallet?");
        }
        if (setting("CREDENCO_API_KEY", "").isBlank()) {
            problems.add("CREDENCO_API_KEY is not set");
        }
        String key = setting("ISSUER_ENCRYPTION_KEY", "");
        if (key.isBlank()) {
            problems.add("ISSUER_ENCRYPTION_KEY is not set: personal claims are stored encrypted with it "
                    + "(32 random bytes, base64: head -c 32 /dev/urandom | base64)");
        } else {
            try {
                if (java.util.Base64.getDecoder().decode(key).length != 32) {
                    problems.add("ISSUER_ENCRYPTION_KEY must be 32 bytes, base64-encoded");
                }
            } catch (IllegalArgumentException e) {
                problems.add("ISSUER_ENCRYPTION_KEY is not base64");
            }
        }
        String port = setting("PORT", "8080");
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            problems.add("PORT must be a port number, not '" + port + "'");
        }
        return problems;
    }

    /** An environment variable, or the system property of the same name, or the default. */
    static String setting(String name, String defaultValue) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null ? defaultValue : value.strip();
    }

    static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
