package nl.bigregister.issuer.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The value objects refuse what is invalid and name the field. */
class ValueObjectsTest {

    @Test
    void credencosOwnExampleNumberIsAccepted() {
        assertThat(new BigNumber("29065432101").value()).isEqualTo("29065432101");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1234567890", "123456789012", "2906543210a", " 29065432101"})
    void bigNumberIsExactlyElevenDigits(String text) {
        assertThatThrownBy(() -> new BigNumber(text)).isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("bigNumber");
    }

    @Test
    void namesAreTrimmedBoundedAndNeverPrinted() {
        assertThat(new PersonName("  Sophie ").value()).isEqualTo("Sophie");
        assertThat(new PersonName("Sophie").toString()).doesNotContain("Sophie");
        assertThatThrownBy(() -> PersonName.of("lastName", " ")).isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("lastName");
        assertThatThrownBy(() -> new PersonName("x".repeat(101))).isInstanceOf(InvalidValueException.class);
        assertThat(new PersonName("x".repeat(100)).value()).hasSize(100);
    }

    @Test
    void professionsAcceptEnglishAndDutchNames() {
        assertThat(Profession.fromName("Physiotherapist")).isEqualTo(Profession.PHYSIOTHERAPIST);
        assertThat(Profession.fromName("fysiotherapeut")).isEqualTo(Profession.PHYSIOTHERAPIST);
        assertThat(Profession.fromName("Healthcare Psychologist")).isEqualTo(Profession.HEALTHCARE_PSYCHOLOGIST);
        assertThatThrownBy(() -> Profession.fromName("Wizard")).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("Physiotherapist");
    }

    @Test
    void validUntilMustFollowRegistrationDate() {
        assertThatThrownBy(() -> new RegistrationClaims(new BigNumber("29065432101"), new PersonName("S"),
                new PersonName("V"), Profession.NURSE, Optional.empty(),
                LocalDate.parse("2026-03-19"), LocalDate.parse("2026-03-19")))
                .isInstanceOf(InvalidValueException.class)
                .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("validUntil");
    }

    @Test
    void claimsNeverPrintNames() {
        assertThat(Fixtures.sophie().toString()).doesNotContain("Sophie").doesNotContain("Vries");
    }

    @Test
    void callbackTokensAreLongRandomAndStoredAsHash() {
        CallbackToken a = CallbackToken.generate();
        CallbackToken b = CallbackToken.generate();
        assertThat(a).isNotEqualTo(b);
        assertThat(a.value()).hasSize(43);
        assertThat(a.hash()).hasSize(64).isNotEqualTo(a.value()).isEqualTo(new CallbackToken(a.value()).hash());
        assertThat(a.toString()).doesNotContain(a.value());
    }

    @Test
    void offerNeedsAPngDataUri() {
        assertThatThrownBy(() -> new CredentialOffer("openid-credential-offer://x", "https://x/qr.png",
                java.net.URI.create("https://x"), Fixtures.T0)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void statusWireNamesRoundTrip() {
        for (IssuanceStatus s : IssuanceStatus.values()) {
            assertThat(IssuanceStatus.fromWireName(s.wireName())).isEqualTo(s);
        }
        assertThat(IssuanceStatus.OFFER_RETRIEVED.wireName()).isEqualTo("offer_retrieved");
    }
}
