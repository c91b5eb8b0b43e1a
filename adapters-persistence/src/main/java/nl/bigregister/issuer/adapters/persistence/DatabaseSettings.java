package nl.bigregister.issuer.adapters.persistence;

import java.util.Objects;

/** How to reach the database: a JDBC URL (H2 or PostgreSQL), credentials and the pool size. */
public record DatabaseSettings(String url, String user, String password, int maxPoolSize) {

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("DB_URL must be a jdbc:h2: or jdbc:postgresql: URL");
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("the pool needs at least one connection");
        }
    }

    boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + url + ", user=" + user + ", maxPoolSize=" + maxPoolSize + "]";
    }
}
