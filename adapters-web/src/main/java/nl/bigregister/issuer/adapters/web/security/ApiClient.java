package nl.bigregister.issuer.adapters.web.security;

import java.util.Objects;
import java.util.Set;

/** A known caller of the API: its id, its roles and the SHA-256 of its key (never the key itself). */
public record ApiClient(String id, Set<Role> roles, byte[] keyHash) {

    public ApiClient {
        if (id == null || !id.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("a client id is 1 to 64 of A-Z a-z 0-9 . _ -");
        }
        roles = Set.copyOf(roles);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("client " + id + " has no role");
        }
        Objects.requireNonNull(keyHash, "keyHash");
        if (keyHash.length != 32) {
            throw new IllegalArgumentException("client " + id + ": the key hash must be 64 hex digits (SHA-256)");
        }
        keyHash = keyHash.clone();
    }

    public boolean hasAnyOf(Set<Role> wanted) {
        return roles.stream().anyMatch(wanted::contains);
    }

    @Override
    public String toString() {
        return "ApiClient[" + id + ", " + roles + "]";
    }
}
