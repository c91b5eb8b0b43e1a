package nl.bigregister.issuer.distribution;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged jar refuses to start unconfigured, or with the published demo keys, and says why. */
class LauncherIT {

    record Outcome(int exitCode, String output) {
    }

    static Outcome run(Map<String, String> env) throws Exception {
        Path out = Files.createTempFile("launcher", ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", RunningIssuer.jar().toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().remove("ISSUER_CLIENTS");
        builder.environment().remove("CREDENCO_BASE_URL");
        builder.environment().remove("CREDENCO_API_KEY");
        builder.environment().remove("ISSUER_ENCRYPTION_KEY");
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the launcher stops by itself").isTrue();
        return new Outcome(process.exitValue(), Files.readString(out));
    }

    @Test
    void refusesToStartWithoutConfiguration() throws Exception {
        Outcome outcome = run(Map.of());
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.output()).contains("refuses to start").contains("ISSUER_CLIENTS")
                .contains("CREDENCO_BASE_URL").contains("CREDENCO_API_KEY").contains("ISSUER_ENCRYPTION_KEY");
    }

    @Test
    void refusesThePublishedDemoKeysOutsideTheDemo() throws Exception {
        Outcome outcome = run(Map.of("ISSUER_CLIENTS", "p:portal:" + PortalIssuanceIT.sha256("demo-portal-key"),
                "CREDENCO_BASE_URL", "http://127.0.0.1:1", "CREDENCO_API_KEY", "k"));
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.output()).contains("demo key").doesNotContain("demo-portal-key");
    }

    @Test
    void refusesANonsensePort() throws Exception {
        Outcome outcome = run(Map.of("ISSUER_CLIENTS", "p:portal:" + PortalIssuanceIT.sha256("k"),
                "CREDENCO_BASE_URL", "http://127.0.0.1:1", "CREDENCO_API_KEY", "k", "PORT", "http"));
        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.output()).contains("PORT");
    }
}
