package nl.bigregister.issuer.adapters.web.security;

import java.util.Locale;

/** What a client of the API may do. */
public enum Role {
    PORTAL, BATCH, AUDITOR, ADMIN;

    public String roleName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Role fromName(String name) {
        for (Role r : values()) {
            if (r.roleName().equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + name + "' (portal, batch, auditor, admin)");
    }
}
