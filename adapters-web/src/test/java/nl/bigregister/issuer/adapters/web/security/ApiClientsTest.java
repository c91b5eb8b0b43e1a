package nl.bigregister.issuer.adapters.web.security;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Parsing ISSUER_CLIENTS and recognising keys by their hash. */
class ApiClientsTest {

    @Test
    void parsesClientsWithRolesAndRecognisesTheirKeys() {
        ApiClients clients = ApiClients.parse("portal-1:portal:" + ApiClients.sha256Hex("p-key") + "; ops:admin+auditor:"
                + ApiClients.sha256Hex("o-key").toUpperCase());

        assertThat(clients.size()).isEqualTo(2);
        assertThat(clients.authenticate("p-key")).get().extracting(ApiClient::id).isEqualTo("portal-1");
        assertThat(clients.authenticate("o-key")).get().satisfies(c ->
                assertThat(c.roles()).containsExactlyInAnyOrder(Role.ADMIN, Role.AUDITOR));
        assertThat(clients.authenticate("wrong")).isEmpty();
        assertThat(clients.authenticate("")).isEmpty();
        assertThat(clients.authenticate(null)).isEmpty();
        assertThat(clients.usesAnyKeyOf(List.of("x", "p-key"))).isTrue();
    }

    @Test
    void emptyConfigurationHasNoClients() {
        assertThat(ApiClients.parse("").isEmpty()).isTrue();
        assertThat(ApiClients.parse(null).isEmpty()).isTrue();
    }

    @Test
    void refusesBadEntriesWithAClearMessage() {
        assertThatThrownBy(() -> ApiClients.parse("portal-1:portal")).hasMessageContaining("id:role");
        assertThatThrownBy(() -> ApiClients.parse("p:wizard:" + ApiClients.sha256Hex("k"))).hasMessageContaining("wizard");
        assertThatThrownBy(() -> ApiClients.parse("p:portal:abcd")).hasMessageContaining("64 hex");
        assertThatThrownBy(() -> ApiClients.parse("p:portal:zz")).hasMessageContaining("hex");
        String h = ApiClients.sha256Hex("k");
        assertThatThrownBy(() -> ApiClients.parse("p:portal:" + h + ";p:batch:" + h)).hasMessageContaining("twice");
    }

    @Test
    void printsNoKeyMaterial() {
        ApiClients clients = ApiClients.parse("portal-1:portal:" + ApiClients.sha256Hex("p-key"));
        assertThat(clients.authenticate("p-key").orElseThrow().toString())
                .doesNotContain(ApiClients.sha256Hex("p-key")).contains("portal-1");
    }
}
