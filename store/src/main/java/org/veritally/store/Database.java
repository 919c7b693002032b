package org.veritally.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where the store lives: a SQLite file, or a PostgreSQL database given as
 * {@code postgresql://user:password@host:port/database?param=value} (the libpq URI form; the
 * password may be percent-encoded, the port defaults to 5432, parameters go to the JDBC driver).
 * {@link #toString} never shows the password. Immutable.
 */
public record Database(Dialect dialect, String jdbcUrl, String user, String password) {
    public Database {
        if (dialect == null || jdbcUrl == null || user == null || password == null)
            throw new IllegalArgumentException("null field");
    }

    public static Database sqlite(Path file) {
        return new Database(Dialect.SQLITE, "jdbc:sqlite:" + file.toAbsolutePath(), "", "");
    }

    /**
     * Parses a {@code postgresql://} (or {@code postgres://}) URL.
     *
     * @throws IllegalArgumentException if it is not one, naming what is wrong (without the password)
     */
    public static Database parse(String url) {
        String u = url.strip();
        if (u.startsWith("jdbc:")) u = u.substring(5);
        if (!u.startsWith("postgresql://") && !u.startsWith("postgres://")) {
            throw new IllegalArgumentException("--db must be a postgresql://user:password@host:port/database URL");
        }
        URI uri;
        try {
            uri = new URI(u);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "--db is not a valid URL (percent-encode special characters in the password): " + e.getReason());
        }
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (path.length() <= 1)
            throw new IllegalArgumentException("--db names no database: postgresql://user:password@host:port/DATABASE");
        String user = "";
        String password = "";
        String info = uri.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? "" : decode(info.substring(colon + 1));
        }
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String hostPart = host.contains(":") ? "[" + host + "]" : host;
        return new Database(
                Dialect.POSTGRESQL, "jdbc:postgresql://" + hostPart + ":" + port + path + query, user, password);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The SQLite file; empty for PostgreSQL. */
    public java.util.Optional<Path> file() {
        return dialect == Dialect.SQLITE
                ? java.util.Optional.of(Path.of(jdbcUrl.substring("jdbc:sqlite:".length())))
                : java.util.Optional.empty();
    }

    /** The user and password as JDBC connection properties (empty for SQLite). */
    Properties properties() {
        Properties p = new Properties();
        if (!user.isEmpty()) p.setProperty("user", user);
        if (!password.isEmpty()) p.setProperty("password", password);
        if (dialect == Dialect.POSTGRESQL) {
            p.setProperty("ApplicationName", "veritally");
            p.setProperty("connectTimeout", "5");
            p.setProperty("tcpKeepAlive", "true");
        }
        return p;
    }

    /** The location without the password, for messages and logs. */
    @Override
    public String toString() {
        return dialect == Dialect.SQLITE
                ? jdbcUrl.substring("jdbc:".length())
                : jdbcUrl.substring("jdbc:".length()) + (user.isEmpty() ? "" : " as " + user);
    }
}
