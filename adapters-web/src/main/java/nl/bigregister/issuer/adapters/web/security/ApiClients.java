package nl.bigregister.issuer.adapters.web.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The configured clients, from {@code ISSUER_CLIENTS} = {@code id:role[+role]:sha256hex;…}. A presented
 * key is hashed and compared with every client's hash in constant time, so neither timing nor the
 * stored configuration reveals a key.
 */
public final class ApiClients {

    private final List<ApiClient> clients;

    public ApiClients(List<ApiClient> clients) {
        this.clients = List.copyOf(clients);
        Set<String> ids = new HashSet<>();
        for (ApiClient c : this.clients) {
            if (!ids.add(c.id())) {
                throw new IllegalArgumentException("client id " + c.id() + " appears twice");
            }
        }
    }

    public static ApiClients parse(String configuration) {
        List<ApiClient> clients = new ArrayList<>();
        if (configuration != null) {
            for (String entry : configuration.split(";")) {
                if (!entry.isBlank()) {
                    clients.add(parseEntry(entry.strip()));
                }
            }
        }
        return new ApiClients(clients);
    }

    private static ApiClient parseEntry(String entry) {
        String[] parts = entry.split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("ISSUER_CLIENTS entries are id:role[+role]:sha256hex, got one with "
                    + parts.length + " parts");
        }
        Set<Role> roles = Arrays.stream(parts[1].split("\\+")).map(String::strip).map(Role::fromName)
                .collect(Collectors.toSet());
        byte[] hash;
        try {
            hash = HexFormat.of().parseHex(parts[2].strip().toLowerCase());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("client " + parts[0] + ": the key hash is not hex");
        }
        return new ApiClient(parts[0].strip(), roles, hash);
    }

    public boolean isEmpty() {
        return clients.isEmpty();
    }

    public int size() {
        return clients.size();
    }

    /** The client whose key this is; every client is compared, so the time taken does not depend on which. */
    public Optional<ApiClient> authenticate(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented = sha256(presentedKey);
        ApiClient match = null;
        for (ApiClient c : clients) {
            if (MessageDigest.isEqual(c.keyHash(), presented)) {
                match = c;
            }
        }
        return Optional.ofNullable(match);
    }

    /** Whether any configured key is one of these (e.g. the published demo keys). */
    public boolean usesAnyKeyOf(List<String> keys) {
        return keys.stream().anyMatch(k -> authenticate(k).isPresent());
    }

    public static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    public static String sha256Hex(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }
}
