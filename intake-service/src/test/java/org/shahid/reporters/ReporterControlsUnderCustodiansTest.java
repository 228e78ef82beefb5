package org.shahid.reporters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shahid.testing.RunningShahid.REPORT;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.testing.AdminCli;
import org.shahid.testing.AdminCli.Run;
import org.shahid.testing.TestCustodians;
import org.shahid.testing.RunningShahid;
import org.shahid.testing.TestMails;

/**
 * The reporter's controls where identities are sealed to custodians and the receiving server authenticates senders:
 * an authenticated follow-up that keeps the reference withdraws or erases; an erasure deletes without any custodian
 * and leaves no identity in any table or sealed file; a request whose From the server did not vouch for (another
 * server's Authentication-Results, or a passing one below the server's own failing one) changes nothing and is
 * handled exactly as a stranger's mail. Each test is a reporter of their own.
 */
class ReporterControlsUnderCustodiansTest {

    private static final String AUTHSERV_ID = "mx.shahid.test";
    private static final Pattern REFERENCE = Pattern.compile("\\[(SHD-[A-Z0-9-]+)]");
    private static final Map<String, String> SETTINGS = Map.of("shahid.custodians.kdf-iterations", "20000",
            "shahid.mail.authserv-id", AUTHSERV_ID);

    @TempDir
    static Path state;

    private static RunningShahid shahid;
    private static Path shares;

    @BeforeAll
    static void custodiansThenService() throws IOException {
        shahid = RunningShahid.prepare(state, SETTINGS);
        shares = TestCustodians.twoOfThree(shahid, state);
        shahid.startService();
    }

    @AfterAll
    static void stop() {
        shahid.close();
    }

    /** What the receiving server writes for a mail whose sender it verified. */
    private static String authenticated(String address) {
        return authenticationResults(AUTHSERV_ID, address, "pass");
    }

    private static String authenticationResults(String authservId, String address, String result) {
        String domain = address.substring(address.indexOf('@') + 1);
        return "Authentication-Results: " + authservId + "; spf=" + result + " smtp.mailfrom=" + address + "; dkim="
                + result + " header.d=" + domain + "; dmarc=" + result + " header.from=" + domain + "\r\n";
    }

    /** An authenticated report with a PDF, sent from a known IP; returns its reference once it is acknowledged. */
    private static String report(String name, String address, String subject, String text) throws Exception {
        byte[] mail = TestMails.withAttachment(name + " <" + address + ">", REPORT, subject, text,
                StandardCharsets.UTF_8, "notes.pdf", "application/pdf", TestMails.pdf("Notes of " + name));
        shahid.deliverRaw(REPORT, (authenticated(address) + "Received: from [198.51.100.23] by mx.example.org\r\n"
                + new String(mail, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1));
        MimeMessage acknowledgement = shahid.awaitReceived(address, 1).get(0);
        shahid.awaitEvidenceExamined();
        return referenceOf(acknowledgement);
    }

    /** A follow-up that threads on nothing: it can join only through the authenticated From and the reference. */
    private static void followUp(String from, String reference, String firstLine, String headers) {
        shahid.deliverRaw(REPORT, TestMails.plain(from, REPORT, "Re: [" + reference + "] my report",
                firstLine + "\n\nSent from my phone", headers));
    }

    private static String referenceOf(MimeMessage mail) throws Exception {
        Matcher reference = REFERENCE.matcher(mail.getSubject());
        assertThat(reference.find()).as(mail.getSubject()).isTrue();
        return reference.group(1);
    }

    private static long ticketId(String reference) {
        return shahid.count("SELECT id FROM ticket WHERE reference = '" + reference + "'");
    }

    private static Set<Path> sealedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(state.resolve("data/sealed"))) {
            return files.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().startsWith("."))
                    .collect(Collectors.toSet());
        }
    }

    /** The files a ticket's sealed rows name: its reporter's sealed original mails. */
    private static Set<Path> sealedOriginalsOf(long ticket) {
        Set<Path> files = new HashSet<>();
        for (String key : shahid.text("SELECT GROUP_CONCAT(sealed_raw SEPARATOR ' ') FROM sealed_identity"
                + " WHERE sealed_raw IS NOT NULL AND ticket_id = " + ticket).split(" ")) {
            String name = key.substring(key.indexOf('/') + 1);
            files.add(state.resolve("data/sealed").resolve(key.substring(0, key.indexOf('/')))
                    .resolve(name.substring(0, 2)).resolve(name));
        }
        return files;
    }

    @Test
    void anAuthenticatedErasureDeletesEverythingWithoutACustodianAndCustodiansCanRevealNothingAfterwards()
            throws Exception {
        String name = "Noor Jabbar";
        String reporter = "noor.jabbar@example.org";
        String reference = report(name, reporter, "تهديد الناخبين", "هدد حراس المرشح الناخبين عند مدخل المدرسة.");
        long ticket = ticketId(reference);
        String pseudonym = shahid.text("SELECT reporter_pseudonym FROM ticket WHERE id = " + ticket);
        assertThat(shahid.count("SELECT COUNT(*) FROM sealed_identity WHERE custodian_key_id IS NOT NULL"
                + " AND identity_record IS NOT NULL AND ticket_id = " + ticket)).as("sealed to the custodians")
                .isEqualTo(1);
        Set<Path> originals = sealedOriginalsOf(ticket);
        assertThat(originals).hasSize(1).allMatch(Files::exists);
        Set<Path> filesBefore = sealedFiles();

        followUp(name + " <" + reporter + ">", reference, "امسح", authenticated(reporter));

        MimeMessage confirmation = shahid.awaitReceived(reporter, 2).get(1);
        assertThat(confirmation.getSubject()).startsWith("[" + reference + "]");
        assertThat(confirmation.getHeader("Content-Language", null)).isEqualTo("ar");
        shahid.awaitCount("SELECT COUNT(*) FROM sealed_identity WHERE purged_at IS NULL AND ticket_id = " + ticket, 0);

        // No custodian took part: no request, no approval, only the erasure in the audit, which still verifies.
        assertThat(shahid.count("SELECT COUNT(*) FROM unseal_request")).isZero();
        assertThat(shahid.text("SELECT GROUP_CONCAT(CONCAT(actor, ':', action)) FROM unseal_audit WHERE ticket_id = "
                + ticket)).isEqualTo("reporter:ERASED");
        Run verify = AdminCli.run(shahid, "audit", "verify");
        assertThat(verify.exit()).as(verify.out() + verify.err()).isZero();

        // Rows: every sealed identity of the ticket emptied, no receipt code; files: its originals gone, none added.
        assertThat(shahid.count("SELECT COUNT(*) FROM sealed_identity WHERE ticket_id = " + ticket
                + " AND (LENGTH(ciphertext) > 0 OR identity_record IS NOT NULL OR sealed_raw IS NOT NULL)")).isZero();
        assertThat(shahid.count("SELECT COUNT(*) FROM receipt_code WHERE ticket_id = " + ticket)).isZero();
        Set<Path> filesAfter = sealedFiles();
        assertThat(filesAfter).doesNotContainAnyElementsOf(originals);
        assertThat(filesAfter).as("files added by the erasure").isSubsetOf(filesBefore);
        assertThat(filesBefore.size() - filesAfter.size()).as("the mail and the PDF's original")
                .isGreaterThanOrEqualTo(2);
        List<String> identifying = List.of(reporter, name, "198.51.100.23", pseudonym);
        for (String table : shahid.tables()) {
            String dump = shahid.dump(table);
            assertThat(identifying).as(table).noneMatch(dump::contains);
        }

        // Erasure deletes, it does not decrypt: with the shares at hand, the custodians now find nothing to open.
        Run request = AdminCli.run(shahid, "unseal", "request", reference, "--reason",
                "Court order 2026/9 of the Karkh court, case of threats");
        assertThat(request.exit()).as(request.err()).isZero();
        List<String> lines = request.out().lines().toList();
        Run approve = AdminCli.run(shahid, Map.of("SHAHID_CUSTODIAN_PASSPHRASE", TestCustodians.PASSPHRASES.get(0)),
                "unseal", "approve", lines.get(lines.size() - 1).strip(), "--share",
                shares.resolve("share-1").toString());
        assertThat(approve.exit()).isNotZero();
        assertThat(approve.err()).contains("nothing to reveal");

        // The address is no longer the ticket's: its next authenticated mail with the reference opens a new ticket.
        long messages = shahid.count("SELECT COUNT(*) FROM ticket_message WHERE ticket_id = " + ticket);
        followUp(name + " <" + reporter + ">", reference, "One more thing.", authenticated(reporter));
        assertThat(referenceOf(shahid.awaitReceived(reporter, 3).get(2))).isNotEqualTo(reference);
        assertThat(shahid.count("SELECT COUNT(*) FROM ticket_message WHERE ticket_id = " + ticket)).isEqualTo(messages);
    }

    @Test
    void anAuthenticatedWithdrawalIsConfirmedOnce() throws Exception {
        String reporter = "karwan.ahmed@example.org";
        String reference = report("Karwan Ahmed", reporter, "کڕینی دەنگ", "پارەیان دابەش دەکرد لە بەردەم قوتابخانەکە.");
        long ticket = ticketId(reference);

        followUp("Karwan Ahmed <" + reporter + ">", reference, "کشانەوە", authenticated(reporter));

        MimeMessage confirmation = shahid.awaitReceived(reporter, 2).get(1);
        assertThat(confirmation.getSubject()).startsWith("[" + reference + "]");
        assertThat(confirmation.getHeader("Content-Language", null)).isEqualTo("ckb");
        assertThat(shahid.text("SELECT status FROM ticket WHERE id = " + ticket)).isEqualTo("WITHDRAWN");
        assertThat(shahid.count("SELECT COUNT(*) FROM outbox WHERE recipient_sealed_id IS NOT NULL AND ticket_id = "
                + ticket)).isEqualTo(2);
    }

    @Test
    void aFromTheServerDidNotVouchForChangesNothingAndLooksLikeAStrangersMail() throws Exception {
        String reporter = "layla.hassan@example.org";
        String reference = report("Layla Hassan", reporter, "Vote buying", "Men paid voters at school 12.");
        long ticket = ticketId(reference);
        long tickets = shahid.count("SELECT COUNT(*) FROM ticket");

        // Another server's verdict, which anyone can write; the server's own failing verdict above a forged pass;
        // and a stranger who copies the reference. Each asks for an erasure.
        followUp("Layla Hassan <" + reporter + ">", reference, "erase",
                authenticationResults("mx.attacker.example", reporter, "pass"));
        shahid.awaitCount("SELECT COUNT(*) FROM ticket", tickets + 1);
        followUp("Layla Hassan <" + reporter + ">", reference, "erase",
                authenticationResults(AUTHSERV_ID, reporter, "fail") + authenticated(reporter));
        shahid.awaitCount("SELECT COUNT(*) FROM ticket", tickets + 2);
        followUp("Someone <someone.else@example.net>", reference, "erase", "");
        shahid.awaitCount("SELECT COUNT(*) FROM ticket", tickets + 3);

        assertThat(shahid.text("SELECT status FROM ticket WHERE id = " + ticket)).isEqualTo("NEW");
        assertThat(shahid.count("SELECT COUNT(*) FROM ticket_message WHERE ticket_id = " + ticket)).isEqualTo(1);
        assertThat(shahid.count("SELECT COUNT(*) FROM sealed_identity WHERE purged_at IS NULL"
                + " AND identity_record IS NOT NULL AND ticket_id = " + ticket)).isEqualTo(1);
        assertThat(shahid.count("SELECT COUNT(*) FROM receipt_code WHERE ticket_id = " + ticket)).isEqualTo(1);
        assertThat(sealedOriginalsOf(ticket)).hasSize(1).allMatch(Files::exists);
        assertThat(shahid.count("SELECT COUNT(*) FROM unseal_audit WHERE ticket_id = " + ticket)).isZero();
        List<Long> opened = Stream.of(shahid.text("SELECT GROUP_CONCAT(id ORDER BY id) FROM ticket WHERE id > "
                + ticket).split(",")).map(Long::valueOf).toList();
        assertThat(opened).hasSize(3);
        String stranger = shahid.whatAnInsiderSees(opened.get(2));
        assertThat(shahid.whatAnInsiderSees(opened.get(0))).isEqualTo(stranger);
        assertThat(shahid.whatAnInsiderSees(opened.get(1))).isEqualTo(stranger);
    }
}
