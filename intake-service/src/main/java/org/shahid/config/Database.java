package org.shahid.config;

import org.shahid.kernel.Settings;
import org.shahid.kernel.ConfigurationException;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MariaDB connection pool, migrated by Flyway from {@code db/migration} on open, and a second pool of one
 * connection for the shared counters ({@link #counters}). Reads {@code shahid.db.*}. Thread-safe; close it to
 * release both pools.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final HikariDataSource counterSource;
    private final Jdbi counters;

    private Database(HikariDataSource dataSource, HikariDataSource counterSource) {
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.counterSource = counterSource;
        this.counters = Jdbi.create(counterSource);
    }

    /** Opens the pool, checks durability and applies pending migrations. */
    public static Database open(Settings settings) {
        HikariDataSource dataSource = pool(settings);
        try {
            migrate(settings, dataSource);
            if (settings.flag("shahid.db.require-durable-commits")) {
                requireDurableCommits(dataSource);
            }
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource, counterPool(settings));
    }

    /** Flyway under {@code shahid.db.migration-user} when set (an account the service itself does not hold). */
    private static void migrate(Settings settings, DataSource serviceDataSource) {
        String migrationUser = settings.text("shahid.db.migration-user", "");
        var flyway = Flyway.configure().locations("classpath:db/migration").failOnMissingLocations(true);
        if (migrationUser.isBlank()) {
            flyway.dataSource(serviceDataSource).load().migrate();
            return;
        }
        flyway.dataSource(withDriverOptions(settings.text("shahid.db.url")), migrationUser,
                settings.text("shahid.db.migration-password", "")).load().migrate();
    }

    /**
     * A pool that never connects unless used, for wiring beans without a database (offline validation).
     * Nothing is migrated or checked.
     */
    public static Database unconnected(Settings settings) {
        String url = settings.text("shahid.db.url", "jdbc:mariadb://offline.invalid/shahid");
        Settings offline = settings.with(java.util.Map.of("shahid.db.url", url));
        return new Database(pool(offline), counterPool(offline));
    }

    private static HikariDataSource pool(Settings settings) {
        return pool(settings, "shahid-db", settings.integer("shahid.db.pool-size"));
    }

    /**
     * One connection in READ COMMITTED: its statements run while callers hold row locks of their own transactions
     * on the same tables, and under REPEATABLE READ a scan (the sweep of earlier hours) would wait for a row of the
     * very transaction that is waiting for it. READ COMMITTED skips rows that are locked and do not match.
     */
    private static HikariDataSource counterPool(Settings settings) {
        return pool(settings, "shahid-db-counters", 1, "TRANSACTION_READ_COMMITTED");
    }

    private static HikariDataSource pool(Settings settings, String name, int size) {
        return pool(settings, name, size, null);
    }

    private static HikariDataSource pool(Settings settings, String name, int size, String isolation) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(withDriverOptions(settings.text("shahid.db.url")));
        config.setUsername(settings.text("shahid.db.user"));
        config.setPassword(settings.text("shahid.db.password", ""));
        config.setMaximumPoolSize(size);
        config.setPoolName(name);
        config.setTransactionIsolation(isolation);
        config.setConnectionTimeout(10_000);
        // The pool survives the database going away later (intake then fails per poll and retries);
        // only the migration needs it at start.
        config.setInitializationFailTimeout(-1);
        return new HikariDataSource(config);
    }

    private static String withDriverOptions(String url) {
        // Server-side prepared statements measured 60% faster for blobs (NOTES.md); utf8mb4 for Arabic and emoji.
        String separator = url.contains("?") ? "&" : "?";
        return url.contains("useServerPrepStmts") ? url : url + separator + "useServerPrepStmts=true";
    }

    private static void requireDurableCommits(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT @@innodb_flush_log_at_trx_commit")) {
            result.next();
            int flush = result.getInt(1);
            if (flush != 1) {
                throw new ConfigurationException("MariaDB has innodb_flush_log_at_trx_commit=" + flush
                        + ": a committed ticket could be lost in a crash. Set it to 1, or set"
                        + " shahid.db.require-durable-commits=false to accept the risk.");
            }
        } catch (SQLException e) {
            LOG.warn("Could not check innodb_flush_log_at_trx_commit: {}", e.getClass().getSimpleName());
        }
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * The same database over a connection of its own, in autocommit, for counters shared by every instance that
     * are taken in short transactions while the caller holds a connection of the main pool (so they never wait for
     * the pool that their callers fill).
     */
    public Jdbi counters() {
        return counters;
    }

    @Override
    public void close() {
        dataSource.close();
        counterSource.close();
    }
}
