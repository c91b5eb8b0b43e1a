package nl.bigregister.issuer.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static nl.bigregister.issuer.domain.Fixtures.T0;
import static nl.bigregister.issuer.domain.IssuanceStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every command in every status: allowed ones reach the documented status, the rest are refused by name. */
class CredentialIssuanceTransitionsTest {

    private static final Instant LATER = T0.plusSeconds(900);

    record Command(String name, Consumer<CredentialIssuance> action, Set<IssuanceStatus> allowedFrom,
                   IssuanceStatus resultingStatus) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Command> commands() {
        return List.of(
                new Command("offerCreated", i -> i.offerCreated(Fixtures.offer(LATER.plusSeconds(600)), LATER),
                        EnumSet.of(REQUESTED), OFFERED),
                new Command("failed", i -> i.failed(new Failure("x", "y"), LATER),
                        EnumSet.of(REQUESTED, OFFERED, OFFER_RETRIEVED), FAILED),
                new Command("expire", i -> i.expire(LATER),
                        EnumSet.of(OFFERED, OFFER_RETRIEVED), EXPIRED),
                new Command("renew", i -> i.renew(CorrelationId.generate(), CallbackToken.generate(), LATER),
                        EnumSet.of(EXPIRED, FAILED), REQUESTED),
                new Command("retrySubmission", i -> i.retrySubmission(CorrelationId.generate(), CallbackToken.generate(), LATER),
                        EnumSet.of(REQUESTED), REQUESTED),
                new Command("cancel", i -> i.cancel(LATER),
                        EnumSet.of(REQUESTED, OFFERED, OFFER_RETRIEVED), CANCELLED),
                new Command("revoke+confirm", i -> {
                    i.revoke("struck off", LATER);
                    i.revocationConfirmed(LATER);
                }, EnumSet.of(ISSUED), REVOKED));
    }

    static Stream<Arguments> everyCommandInEveryStatus() {
        List<Arguments> all = new ArrayList<>();
        for (Command c : commands()) {
            for (IssuanceStatus s : IssuanceStatus.values()) {
                all.add(Arguments.of(c, s));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("everyCommandInEveryStatus")
    void commandIsAllowedExactlyFromItsDocumentedStatuses(Command command, IssuanceStatus from) {
        CredentialIssuance issuance = Fixtures.in(from);
        assertThat(issuance.status()).isEqualTo(from);

        if (command.allowedFrom().contains(from)) {
            command.action().accept(issuance);
            assertThat(issuance.status()).isEqualTo(command.resultingStatus());
            assertThat(issuance.updatedAt()).isEqualTo(LATER);
            if (!command.name().equals("retrySubmission")) {
                assertThat(issuance.pullEvents()).isNotEmpty().last()
                        .extracting(IssuanceEvent::status).isEqualTo(command.resultingStatus());
            }
        } else {
            assertThatThrownBy(() -> command.action().accept(issuance))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessageContaining(from.wireName())
                    .satisfies(e -> assertThat(((IllegalTransitionException) e).currentStatus()).isEqualTo(from));
            assertThat(issuance.status()).isEqualTo(from);
            assertThat(issuance.pullEvents()).isEmpty();
        }
    }
}
