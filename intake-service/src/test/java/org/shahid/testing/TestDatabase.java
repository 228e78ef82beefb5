package org.shahid.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh, empty MariaDB database on the real server for one test class, dropped on close. The server comes
 * from {@code SHAHID_TEST_DB_URL}/{@code _USER}/{@code _PASSWORD} (default: root on 127.0.0.1:3306).
 */
public final class TestDatabase implements AutoCloseable {

    private static final String SERVER = env("SHAHID_TEST_DB_URL", "jdbc:mariadb://127.0.0.1:3306/");
    private static final String USER = env("SHAHID_TEST_DB_USER", "root");
    private static final String PASSWORD = env("SHAHID_TEST_DB_PASSWORD", "");

    private final String name;

    private TestDatabase(String name) {
        this.name = name;
    }

    public static TestDatabase create() {
        String name = "shahid_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return new TestDatabase(name);
    }

    public String url() {
        return (SERVER.endsWith("/") ? SERVER : SERVER + "/") + name;
    }

    /** The settings that point Shahid at this database. */
    public Map<String, String> settings() {
        return Map.of("shahid.db.url", url(), "shahid.db.user", USER, "shahid.db.password", PASSWORD);
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, PASSWORD);
    }

    @Override
    public void close() {
        execute("DROP DATABASE IF EXISTS " + name);
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, PASSWORD);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("test database server " + SERVER + " unavailable: " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
