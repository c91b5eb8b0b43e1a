package nl.bigregister.issuer.application.port.out;

import java.util.Objects;
import java.util.Optional;

/** Who is acting: an API client (or {@code credenco}, or {@code system}), on whose behalf, from where. */
public record Caller(String actor, Optional<String> onBehalfOf, Optional<String> sourceAddress) {

    public static final Caller SYSTEM = new Caller("system", Optional.empty(), Optional.empty());
    public static final Caller CREDENCO = new Caller("credenco", Optional.empty(), Optional.empty());

    public Caller {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(onBehalfOf, "onBehalfOf");
        Objects.requireNonNull(sourceAddress, "sourceAddress");
    }
}
