package nl.bigregister.issuer.adapters.persistence;

import nl.bigregister.issuer.application.fakes.TestIssuances;
import nl.bigregister.issuer.domain.CredentialIssuance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The bytes of the database file hold no personal name, while the application reads them back; keys rotate. */
class NoPlaintextNamesOnDiskTest {

    @TempDir
    Path dir;

    @Test
    void namesAreNotInTheDatabaseFileAndKeysCanBeRotated() throws IOException {
        String url = "jdbc:h2:file:" + dir.resolve("issuer").toAbsolutePath();
        CredentialIssuance sophie = TestIssuances.requested();
        String firstKey = Base64.getEncoder().encodeToString("k".repeat(32).getBytes(StandardCharsets.US_ASCII));
        try (Database database = Database.open(new DatabaseSettings(url, "sa", "", 2))) {
            JpaTransactions tx = new JpaTransactions(database);
            JpaIssuanceRepository repository = new JpaIssuanceRepository(tx, new ClaimsCipher(firstKey, List.of()));
            tx.run(() -> repository.add(sophie));
            assertThat(tx.inTransaction(() -> repository.find(sophie.id())).orElseThrow().claims())
                    .isEqualTo(sophie.claims());
        }
        byte[] file = Files.readAllBytes(dir.resolve("issuer.mv.db"));
        String bytes = new String(file, StandardCharsets.ISO_8859_1);
        assertThat(bytes).contains("29065432101").doesNotContain("Sophie").doesNotContain("de Vries")
                .doesNotContain("Sports Physiotherapy");

        String secondKey = Base64.getEncoder().encodeToString("m".repeat(32).getBytes(StandardCharsets.US_ASCII));
        try (Database database = Database.open(new DatabaseSettings(url, "sa", "", 2))) {
            JpaTransactions tx = new JpaTransactions(database);
            JpaIssuanceRepository rotated = new JpaIssuanceRepository(tx, new ClaimsCipher(secondKey, List.of(firstKey)));
            CredentialIssuance loaded = tx.inTransaction(() -> rotated.find(sophie.id())).orElseThrow();
            assertThat(loaded.claims()).isEqualTo(sophie.claims());
            loaded.cancel(TestIssuances.T0.plusSeconds(1));
            tx.run(() -> rotated.update(loaded));
            JpaIssuanceRepository newKeyOnly = new JpaIssuanceRepository(tx, new ClaimsCipher(secondKey, List.of()));
            assertThat(tx.inTransaction(() -> newKeyOnly.find(sophie.id())).orElseThrow().claims())
                    .as("rewritten with the current key when it was next stored").isEqualTo(sophie.claims());
        }
    }
}
