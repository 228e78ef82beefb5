package org.shahid.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DemoBannerTest {

    private final DemoMailServer defaultPorts = new DemoMailServer(); // never started: only its ports are read

    @Test
    void saysWhereToSendReportsAndComments() {
        String text = DemoBanner.withEmbeddedDatabase(defaultPorts, Path.of("/var/lib/shahid")).text();

        assertThat(text).contains("127.0.0.1:3025", "report@shahid.test", "info@shahid.test");
    }

    @Test
    void offersAReadyToPasteSwaksCommandForTheDemoServer() {
        String text = DemoBanner.withEmbeddedDatabase(defaultPorts, Path.of("/var/lib/shahid")).text();

        assertThat(text).containsPattern(
                "swaks --server 127\\.0\\.0\\.1:3025 --to report@shahid\\.test --from you@example\\.org"
                        + " --header \"Subject: [^\"]+\" --body \"[^\"]+\"");
    }

    @Test
    void explainsHowToReadTheAcknowledgementOverImap() {
        String text = DemoBanner.withEmbeddedDatabase(defaultPorts, Path.of("/var/lib/shahid")).text();

        assertThat(text).contains("127.0.0.1:3143", "login you@example.org", "password you@example.org",
                "curl --url \"imap://127.0.0.1:3143/INBOX;MAILINDEX=1\" --user \"you@example.org:you@example.org\"");
    }

    @Test
    void namesTheEmbeddedDatabaseByItsDataDirectory() {
        String text = DemoBanner.withEmbeddedDatabase(defaultPorts, Path.of("/home/demo/.shahid/mariadb-data")).text();

        assertThat(text).contains("Database: embedded MariaDB, data in /home/demo/.shahid/mariadb-data");
    }

    @Test
    void usesThePortsTheServerActuallyHas() {
        String text = new DemoBanner("127.0.0.1", 40025, 40143, "embedded MariaDB").text();

        assertThat(text).contains("--server 127.0.0.1:40025", "server 127.0.0.1:40143").doesNotContain(":3025");
    }

    @Test
    void namesAnExternalDatabaseWithoutItsPassword() {
        String text = DemoBanner.withExternalDatabase(defaultPorts,
                "jdbc:mariadb://db.example:3306/shahid?user=shahid&password=s3cret&useServerPrepStmts=true").text();

        assertThat(text)
                .contains("external MariaDB at jdbc:mariadb://db.example:3306/shahid?user=shahid&password=***"
                        + "&useServerPrepStmts=true")
                .doesNotContain("s3cret");
    }

    @Test
    void masksAPasswordWrittenBeforeTheHost() {
        assertThat(DemoBanner.withoutPassword("jdbc:mariadb://shahid:s3cret@db.example:3306/shahid"))
                .isEqualTo("jdbc:mariadb://shahid:***@db.example:3306/shahid");
        assertThat(DemoBanner.withoutPassword("jdbc:mariadb://db.example:3306/shahid"))
                .isEqualTo("jdbc:mariadb://db.example:3306/shahid");
    }
}
