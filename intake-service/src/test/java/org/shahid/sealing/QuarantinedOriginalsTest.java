package org.shahid.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.shahid.testing.RunningShahid.REPORT;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.testing.AdminCli;
import org.shahid.testing.AdminCli.Run;
import org.shahid.testing.RunningShahid;
import org.shahid.testing.TestMails;

/**
 * Quarantined originals are sealed to the custodian key: the server cannot open them, a release takes the mail from
 * the mailbox's quarantine folder without custodians, and once the mail is gone from there k shares presented
 * together release it, audited, with nothing stored.
 */
class QuarantinedOriginalsTest {

    private static final String HEADER_LIMIT = "4096";
    private static final Map<String, String> RELEASABLE = Map.of("SHAHID_LIMITS_HEADER_BYTES", "262144");
    private static final String REASON = "The header limit was raised; the report must become a ticket";

    @TempDir
    static Path state;

    private static RunningShahid shahid;

    /** A report whose header block is over the test's limit, so that it is quarantined at once. */
    static byte[] reportWithLongHeaders(String name, String address, String subject) {
        StringBuilder headers = new StringBuilder("X-Originating-IP: [198.51.100.23]\r\n");
        for (int line = 0; line < 60; line++) {
            headers.append("X-Relay-Note-").append(line).append(": ").append("n".repeat(80)).append("\r\n");
        }
        String mail = new String(TestMails.plain(name + " <" + address + ">", REPORT, subject,
                "Ballot boxes were carried out of the school before the count."), StandardCharsets.ISO_8859_1);
        return (headers + mail).getBytes(StandardCharsets.ISO_8859_1);
    }

    @BeforeAll
    static void custodiansThenTwoQuarantinedReports() throws Exception {
        shahid = RunningShahid.prepare(state, Map.of("shahid.custodians.kdf-iterations", "20000",
                "shahid.limits.header-bytes", HEADER_LIMIT));
        Files.writeString(state.resolve("passphrases"), "custodian-one-words\ncustodian-two-words\ncustodian-three\n");
        Run init = AdminCli.run(shahid, "custodians", "init", "--custodians", "3", "--threshold", "2", "--out",
                state.resolve("shares").toString(), "--passphrases", state.resolve("passphrases").toString());
        assertThat(init.exit()).as(init.err()).isZero();
        shahid.startService();
        shahid.deliverRaw(REPORT, reportWithLongHeaders("Huda Kareem", "huda.kareem@example.org", "Boxes at school"));
        shahid.awaitCount("SELECT COUNT(*) FROM quarantine", 1);
        shahid.deliverRaw(REPORT, reportWithLongHeaders("Sami Nouri", "sami.nouri@example.org", "Boxes at clinic"));
        shahid.awaitCount("SELECT COUNT(*) FROM quarantine", 2);
        shahid.deliverRaw(REPORT, reportWithLongHeaders("Rana Aziz", "rana.aziz@example.org", "Boxes at garage"));
        shahid.awaitCount("SELECT COUNT(*) FROM quarantine", 3);
        await().atMost(Duration.ofSeconds(60)).until(() -> shahid.folderState(REPORT, "Quarantine").size() == 3);
        shahid.stopService();
    }

    @AfterAll
    static void stop() {
        shahid.close();
    }

    /** The entry of the school, clinic or garage report: they were delivered one after the other. */
    private static String entryOf(String subject) {
        return shahid.text("SELECT q.id FROM quarantine q ORDER BY q.id LIMIT 1 OFFSET "
                + List.of("school", "clinic", "garage").indexOf(subject));
    }

    @Test
    void theServerCannotOpenAQuarantinedOriginal() throws Exception {
        assertThat(shahid.count("SELECT COUNT(*) FROM quarantine WHERE sealed_raw LIKE 'custodian-quarantine/%'"
                + " AND custodian_key_id = (SELECT id FROM custodian_key)")).isEqualTo(3);
        SealedBlobStore blobs = new SealedBlobStore(state.resolve("data"), Keyring.load(state.resolve("keys"), false));
        List<String> quarantined = blobs.list().keySet().stream()
                .filter(key -> key.startsWith("custodian-quarantine/")).toList();
        assertThat(quarantined).hasSize(3).allSatisfy(key -> assertThatThrownBy(() -> blobs.read(key))
                .isInstanceOf(SealingException.class));
        try (Stream<Path> files = Files.walk(state.resolve("data"))) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(List.of("huda.kareem", "Huda Kareem", "sami.nouri", "rana.aziz", "198.51.100.23")).as(file.toString())
                        .noneMatch(content::contains);
            }
        }
    }

    @Test
    void aMailStillInTheQuarantineFolderIsReleasedWithoutCustodians() {
        String entry = entryOf("school");
        long tickets = shahid.count("SELECT COUNT(*) FROM ticket");

        Run release = AdminCli.run(shahid, RELEASABLE, "quarantine", "release", entry);

        assertThat(release.exit()).as(release.err()).isZero();
        assertThat(release.out()).contains("released: NEW_TICKET");
        assertThat(shahid.count("SELECT COUNT(*) FROM ticket")).isEqualTo(tickets + 1);
        assertThat(shahid.text("SELECT status FROM quarantine WHERE id = " + entry)).isEqualTo("RELEASED");
    }

    @Test
    void aMailGoneFromTheFolderNeedsThresholdManySharesPresentedTogether() throws Exception {
        String entry = entryOf("clinic");
        removeFromQuarantineFolder("Boxes at clinic");
        Map<String, String> passphrases = Map.of("SHAHID_CUSTODIAN_PASSPHRASE_1", "custodian-one-words",
                "SHAHID_CUSTODIAN_PASSPHRASE_2", "custodian-three", "SHAHID_LIMITS_HEADER_BYTES", "262144");
        String share1 = state.resolve("shares/share-1").toString();
        String share3 = state.resolve("shares/share-3").toString();

        Run withoutShares = AdminCli.run(shahid, RELEASABLE, "quarantine", "release", entry);
        Run oneShare = AdminCli.run(shahid, passphrases, "quarantine", "release", entry, "--reason", REASON,
                "--share", share1);
        Run sameShareTwice = AdminCli.run(shahid, Map.of("SHAHID_CUSTODIAN_PASSPHRASE_1", "custodian-one-words",
                "SHAHID_CUSTODIAN_PASSPHRASE_2", "custodian-one-words"), "quarantine", "release", entry, "--reason",
                REASON, "--share", share1, "--share", share1);
        assertThat(shahid.text("SELECT status FROM quarantine WHERE id = " + entry)).isEqualTo("HELD");
        Run twoShares = AdminCli.run(shahid, passphrases, "quarantine", "release", entry, "--reason", REASON,
                "--share", share1, "--share", share3);

        assertThat(withoutShares.exit()).isNotZero();
        assertThat(withoutShares.err()).contains("no longer in the report mailbox's quarantine folder")
                .contains("--share");
        assertThat(oneShare.exit()).isNotZero();
        assertThat(oneShare.err()).contains("1 distinct share(s) presented, 2 are needed together");
        assertThat(sameShareTwice.exit()).isNotZero();
        assertThat(sameShareTwice.err()).contains("1 distinct share(s) presented");
        assertThat(twoShares.exit()).as(twoShares.err()).isZero();
        assertThat(twoShares.out()).contains("released: NEW_TICKET");
        assertThat(shahid.text("SELECT status FROM quarantine WHERE id = " + entry)).isEqualTo("RELEASED");
        assertThat(shahid.count("SELECT COUNT(*) FROM unseal_audit WHERE action = 'REVEALED' AND detail LIKE"
                + " 'quarantine entry " + entry + " opened%' AND detail LIKE '%share 1%' AND detail LIKE '%share 3%'"))
                .isEqualTo(1);
        assertThat(shahid.count("SELECT COUNT(*) FROM unseal_audit WHERE action = 'REFUSED' AND detail LIKE"
                + " 'quarantine entry " + entry + ":%'")).isEqualTo(2);
        assertThat(shahid.count("SELECT COUNT(*) FROM unseal_pending_share")).isZero();
        assertThat(AdminCli.run(shahid, "audit", "verify").exit()).isZero();
    }

    @Test
    void custodiansApprovingOneAtATimeReleaseAMailGoneFromTheFolder() throws Exception {
        String entry = entryOf("garage");
        removeFromQuarantineFolder("Boxes at garage");
        Run request = AdminCli.run(shahid, "unseal", "request", "--quarantine", entry, "--reason", REASON);
        assertThat(request.exit()).as(request.err()).isZero();
        String requestId = request.out().lines().reduce((first, second) -> second).orElseThrow().strip();

        Run first = AdminCli.run(shahid, Map.of("SHAHID_CUSTODIAN_PASSPHRASE", "custodian-two-words"), "unseal",
                "approve", requestId, "--share", state.resolve("shares/share-2").toString());
        String statusBetween = shahid.text("SELECT status FROM quarantine WHERE id = " + entry);
        Run second = AdminCli.run(shahid, Map.of("SHAHID_CUSTODIAN_PASSPHRASE", "custodian-three",
                        "SHAHID_LIMITS_HEADER_BYTES", "262144"), "unseal", "approve", requestId, "--share",
                state.resolve("shares/share-3").toString());

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("1 more share(s) needed");
        assertThat(statusBetween).isEqualTo("HELD");
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).contains("released: NEW_TICKET").doesNotContain("rana.aziz");
        assertThat(shahid.text("SELECT status FROM quarantine WHERE id = " + entry)).isEqualTo("RELEASED");
        assertThat(shahid.count("SELECT COUNT(*) FROM unseal_pending_share WHERE request_id = " + requestId)).isZero();
        assertThat(shahid.count("SELECT COUNT(*) FROM unseal_audit WHERE request_id = " + requestId
                + " AND action = 'REVEALED' AND detail LIKE 'quarantine entry " + entry + " opened%'")).isEqualTo(1);
        Run verify = AdminCli.run(shahid, "audit", "verify");
        assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();
    }

    private static void removeFromQuarantineFolder(String subject) throws Exception {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", shahid.mail().getImap().getPort(), REPORT, REPORT);
            Folder folder = store.getFolder("Quarantine");
            folder.open(Folder.READ_WRITE);
            for (Message message : folder.getMessages()) {
                if (subject.equals(message.getSubject())) {
                    message.setFlag(Flags.Flag.DELETED, true);
                }
            }
            folder.close(true);
        }
        assertThat(shahid.folderState(REPORT, "Quarantine")).noneMatch(line -> line.endsWith(subject));
    }
}
