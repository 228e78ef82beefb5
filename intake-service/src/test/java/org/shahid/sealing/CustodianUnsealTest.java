package org.shahid.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shahid.testing.RunningShahid.REPORT;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.config.Database;
import org.shahid.kernel.Settings;
import org.shahid.testing.AdminCli;
import org.shahid.testing.AdminCli.Run;
import org.shahid.testing.TestCustodians;
import org.shahid.testing.RunningShahid;
import org.shahid.testing.TestDatabase;
import org.shahid.testing.TestMails;

/** Unsealing with k of n custodian shares through the jar's own verbs, against the real MariaDB and GreenMail. */
class CustodianUnsealTest {

    private static final String REPORTER = "noor.jabbar@example.org";
    private static final String REASON = "Court order 2026/114 of the Baghdad Karkh court, case of threats";
    /** Fewer PBKDF2 iterations than production, so that the class stays fast; the format is the same. */
    private static final Map<String, String> FAST_KDF = Map.of("shahid.custodians.kdf-iterations", "20000",
            "shahid.mail.authserv-id", "mx.shahid.test");
    /** The receiving server vouched for the reporter: both reports carry one pseudonym, so one unseal reveals both. */
    private static final String AUTHENTICATED = "Authentication-Results: mx.shahid.test; dkim=pass header.d=example.org;"
            + " dmarc=pass\r\n";

    @TempDir
    static Path state;

    private static RunningShahid shahid;
    private static String reference;
    private static String secondReference;
    private static Path shares;

    @BeforeAll
    static void ceremonyThenTwoReports() throws Exception {
        shahid = RunningShahid.prepare(state, FAST_KDF);
        shares = TestCustodians.twoOfThree(shahid, state);
        shahid.startService();
        shahid.deliverRaw(REPORT, TestMails.plain("Noor Jabbar <" + REPORTER + ">", REPORT, "Threats",
                "The candidate's guards threatened voters at the entrance.", AUTHENTICATED));
        shahid.awaitReceived(REPORTER, 1);
        shahid.deliverRaw(REPORT, TestMails.plain("Noor Jabbar <" + REPORTER + ">", REPORT, "Bought votes",
                "Envelopes with money were handed out at the school.", AUTHENTICATED));
        shahid.awaitReceived(REPORTER, 2);
        reference = shahid.text("SELECT reference FROM ticket ORDER BY id LIMIT 1");
        secondReference = shahid.text("SELECT reference FROM ticket ORDER BY id DESC LIMIT 1");
        shahid.stopService();
    }

    @AfterAll
    static void stop() {
        shahid.close();
    }

    private static Run approve(long request, String share, String passphrase) {
        return AdminCli.run(shahid, Map.of("SHAHID_CUSTODIAN_PASSPHRASE", passphrase), "unseal", "approve",
                String.valueOf(request), "--share", share);
    }

    private static long request() {
        Run run = AdminCli.run(shahid, "unseal", "request", reference, "--reason", REASON);
        assertThat(run.exit()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        return Long.parseLong(lines.get(lines.size() - 1).strip());
    }

    @Test
    void theCeremonyStoresOnlyThePublicKeyAndSealsEachIdentityRecordToIt() {
        assertThat(shahid.count("SELECT COUNT(*) FROM custodian_key WHERE retired_at IS NULL")).isEqualTo(1);
        assertThat(shahid.count("SELECT COUNT(*) FROM sealed_identity WHERE identity_record IS NOT NULL"
                + " AND custodian_key_id = (SELECT id FROM custodian_key)")).isEqualTo(2);
        assertThat(shahid.count("SELECT COUNT(*) FROM sealed_identity WHERE sealed_raw LIKE 'custodian-mail/%'"))
                .isEqualTo(2);
        assertThat(shahid.count("SELECT COUNT(*) FROM sealed_identity WHERE SUBSTRING(identity_record, 1, 4) = 'SEN1'"))
                .as("each record sealed in its mail's envelope, with the original").isEqualTo(2);
        assertThat(List.of(1, 2, 3)).allSatisfy(index -> assertThat(
                Files.readString(shares.resolve("share-" + index))).startsWith(CustodianShare.BEGIN)
                .contains("Share: " + index + " of 3, threshold 2"));
        Run status = AdminCli.run(shahid, "custodians", "status");
        assertThat(status.out()).contains("2 of 3").contains("ACTIVE").contains("identity records 2")
                .contains("under the server key: 0 identity record(s), 0 original mail(s)");
    }

    @Test
    void oneShareRevealsNothingTheSameShareTwiceCountsOnceAndTheSecondShareRevealsTheTicket() {
        long request = request();

        Run first = approve(request, shares.resolve("share-1").toString(), "first-custodian-words");
        Run again = approve(request, shares.resolve("share-1").toString(), "first-custodian-words");
        Run second = approve(request, shares.resolve("share-3").toString(), "third-custodian-words");

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).contains("1 more share(s) needed").doesNotContain(REPORTER).doesNotContain("Noor");
        assertThat(again.out()).contains("1 more share(s) needed").doesNotContain(REPORTER);
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).contains("Noor Jabbar <" + REPORTER + ">").contains("Message-ID:")
                .contains("tickets revealed: " + reference + ", " + secondReference);
        assertThat(shahid.count("SELECT COUNT(*) FROM unseal_pending_share")).isZero();
        assertThat(shahid.count("SELECT COUNT(*) FROM unseal_approval WHERE request_id = " + request)).isEqualTo(2);
        String key = shahid.text("SELECT LPAD(HEX(id), 8, '0') FROM custodian_key");
        assertThat(shahid.count("SELECT COUNT(*) FROM unseal_audit WHERE request_id = " + request
                + " AND action = 'APPROVED' AND actor IN ('key " + key + " share 1', 'key " + key + " share 3')"))
                .isEqualTo(2);
        assertThat(shahid.text("SELECT detail FROM unseal_audit WHERE action = 'REVEALED' AND request_id = " + request))
                .contains(reference).contains(secondReference).contains("share 1").contains("share 3");
        Run audit = AdminCli.run(shahid, "audit", "--ticket", reference);
        assertThat(audit.out()).contains("REQUESTED").contains("APPROVED").contains("REVEALED")
                .doesNotContain(REPORTER);
        // The other ticket of the same reporter was revealed too: its own trail says so.
        Run otherTrail = AdminCli.run(shahid, "audit", "--ticket", secondReference);
        assertThat(otherTrail.out()).contains(UnsealIdentity.EXPOSED)
                .contains("reporter revealed by unseal request " + request + " of " + reference);
        Run verify = AdminCli.run(shahid, "audit", "verify");
        assertThat(verify.exit()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("audit chain holds");
    }

    @Test
    void custodiansWhoPresentTheirSharesTogetherRevealTheTicketAndNoShareIsEverStored() {
        long request = request();
        String share1 = shares.resolve("share-1").toString();
        String share2 = shares.resolve("share-2").toString();

        Run sameShareTwice = AdminCli.run(shahid, Map.of("SHAHID_CUSTODIAN_PASSPHRASE_1", "second-custodian-words",
                "SHAHID_CUSTODIAN_PASSPHRASE_2", "second-custodian-words"), "unseal", "approve",
                String.valueOf(request), "--share", share2, "--share", share2);
        long waitingAfterRefusal = shahid.count("SELECT COUNT(*) FROM unseal_pending_share WHERE request_id = "
                + request);
        long approvalsAfterRefusal = shahid.count("SELECT COUNT(*) FROM unseal_approval WHERE request_id = " + request);
        Run together = AdminCli.run(shahid, Map.of("SHAHID_CUSTODIAN_PASSPHRASE_1", "first-custodian-words",
                "SHAHID_CUSTODIAN_PASSPHRASE_2", "second-custodian-words"), "unseal", "approve",
                String.valueOf(request), "--share", share1, "--share", share2);

        assertThat(sameShareTwice.exit()).isNotZero();
        assertThat(sameShareTwice.err()).contains("do not complete the threshold").contains("nothing was stored");
        assertThat(waitingAfterRefusal).isZero();
        assertThat(approvalsAfterRefusal).isZero();
        assertThat(together.exit()).as(together.err()).isZero();
        assertThat(together.out()).contains("Noor Jabbar <" + REPORTER + ">");
        assertThat(shahid.count("SELECT COUNT(*) FROM unseal_pending_share WHERE request_id = " + request)).isZero();
        assertThat(shahid.count("SELECT COUNT(*) FROM unseal_audit WHERE request_id = " + request
                + " AND action = 'APPROVED' AND detail LIKE '%presented together'")).isEqualTo(2);
        assertThat(AdminCli.run(shahid, "audit", "verify").exit()).isZero();
    }

    @Test
    void aRevealedRequestRevealsNothingMore() {
        long request = request();
        approve(request, shares.resolve("share-1").toString(), "first-custodian-words");
        approve(request, shares.resolve("share-2").toString(), "second-custodian-words");

        Run third = approve(request, shares.resolve("share-3").toString(), "third-custodian-words");

        assertThat(third.exit()).isEqualTo(1);
        assertThat(third.err()).contains("revealed already");
        assertThat(third.out()).doesNotContain(REPORTER);
    }

    @Test
    void aWrongPassphraseIsRefusedAndAudited() {
        long request = request();

        Run wrong = approve(request, shares.resolve("share-2").toString(), "not-the-passphrase");

        assertThat(wrong.exit()).isEqualTo(1);
        assertThat(wrong.err()).contains("passphrase does not open");
        assertThat(shahid.count("SELECT COUNT(*) FROM unseal_audit WHERE action = 'REFUSED' AND request_id = "
                + request + " AND actor = 'unreadable share'")).isEqualTo(1);
        assertThat(shahid.count("SELECT COUNT(*) FROM unseal_pending_share WHERE request_id = " + request)).isZero();
    }

    @Test
    void aShareOfAnotherCustodianKeyIsRefused() throws Exception {
        Path foreign = state.resolve("foreign");
        try (TestDatabase other = TestDatabase.create();
             Database database = Database.open(Settings.load(Map.of(), other.settings()))) {
            Jdbi jdbi = database.jdbi();
            CustodianCeremony.Result result = jdbi.inTransaction(handle -> new CustodianCeremony().create(handle, 3, 2,
                    List.of("foreign-custodian-1".toCharArray(), "foreign-custodian-2".toCharArray(),
                            "foreign-custodian-3".toCharArray()), 20_000, Instant.now()));
            ShareFiles.write(Files.createDirectories(foreign), result.printableShares());
        }
        long request = request();

        Run refused = approve(request, foreign.resolve("share-1").toString(), "foreign-custodian-1");

        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("another custodian key");
        assertThat(shahid.count("SELECT COUNT(*) FROM unseal_approval WHERE request_id = " + request)).isZero();
        assertThat(shahid.count("SELECT COUNT(*) FROM unseal_audit WHERE action = 'REFUSED' AND request_id = "
                + request)).isEqualTo(1);
    }

    @Test
    void sharesThatWaitedLongerThanThePendingTimeAreDeletedAndTheirCustodiansApproveAgain() throws Exception {
        long request = request();
        approve(request, shares.resolve("share-1").toString(), "first-custodian-words");
        assertThat(shahid.count("SELECT COUNT(*) FROM unseal_pending_share WHERE request_id = " + request)).isEqualTo(1);

        UnsealIdentity.Approval approval;
        try (Database database = Database.open(shahid.settings())) {
            Sealer sealer = new Sealer(Keyring.load(state.resolve("keys"), false));
            UnsealIdentity dayLater = new UnsealIdentity(database.jdbi(), new SealedIdentityDao(sealer), sealer,
                    new UnsealAudit(state.resolve("data")), java.time.Duration.ofHours(24),
                    java.time.Clock.offset(java.time.Clock.systemUTC(), java.time.Duration.ofHours(25)));
            approval = dayLater.approve(request, CustodianShare.fromPrintable(
                    Files.readString(shares.resolve("share-2")), "second-custodian-words".toCharArray()));
        }

        assertThat(approval.sharesMissing()).isEqualTo(1);
        assertThat(approval.revealed()).isEmpty();
        assertThat(shahid.count("SELECT COUNT(*) FROM unseal_pending_share WHERE request_id = " + request
                + " AND share_index = 2")).isEqualTo(1);
        assertThat(shahid.count("SELECT COUNT(*) FROM unseal_pending_share WHERE request_id = " + request)).isEqualTo(1);
        assertThat(shahid.count("SELECT COUNT(*) FROM unseal_audit WHERE action = 'EXPIRED' AND request_id = "
                + request)).isEqualTo(1);
    }

    @Test
    void refusesARequestWithoutAReason() {
        Run tooShort = AdminCli.run(shahid, "unseal", "request", reference, "--reason", "check");

        assertThat(tooShort.exit()).isEqualTo(1);
        assertThat(tooShort.err()).contains("reason of at least 20 characters");
        assertThat(shahid.count("SELECT COUNT(*) FROM unseal_request WHERE reason = 'check'")).isZero();
    }
}
