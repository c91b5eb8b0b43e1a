package nl.bigregister.issuer.adapters.web.security;

import java.util.Locale;

/** What a client of the API may do. */
public enum Role {
    PORTAL, BATCH, AUDITOR, ADMIN;

    public static final String PORTAL_NAME = "portal";
    public static final String BATCH_NAME = "batch";
    public static final String AUDITOR_NAME = "auditor";
    public static final String ADMIN_NAME = "admin";

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
