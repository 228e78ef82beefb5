package org.shahid.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.testing.BenchMails;
import org.shahid.testing.FaultRig;

/**
 * Poison: mails from the shared corpus with bytes flipped, headers truncated, boundaries removed and charsets
 * lied about, plus 10,000 nested parts and a 1 MB header line, followed by ordinary reports. Each is processed or
 * quarantined, and the ordinary reports behind them are answered.
 */
class PoisonMailFaultTest {

    private static final Path CORPUS = Path.of("..", "shared", "corpus");
    private static final int GOOD = 10;

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path state;

    @Test
    void quarantinesOrProcessesEveryFuzzedMailAndKeepsAnsweringReports() throws Exception {
        List<byte[]> poison = fuzzedCorpus(new Random(42), 40);
        poison.add(nestedParts(10_000));
        poison.add(hugeHeaderLine(1024 * 1024));
        try (FaultRig rig = FaultRig.prepare(state, Map.of())) {
            for (byte[] raw : poison) {
                rig.deliver(raw);
            }
            BenchMails mails = new BenchMails(10, "poison");
            for (int i = 0; i < GOOD; i++) {
                rig.deliver(mails.mail(i, BenchMails.Kind.TEXT));
            }
            int total = poison.size() + GOOD;
            rig.startShahid();
            rig.awaitSchema();
            // Every ordinary report behind the poison is answered: the service keeps going.
            await().atMost(Duration.ofSeconds(100)).pollInterval(Duration.ofMillis(500))
                    .until(() -> rig.acknowledgementsByRecipient().keySet().stream()
                            .filter(to -> to.contains(".poison@")).count() == GOOD);
            // Failing mails are tried max-attempts times before quarantine; wait until the inbox settles.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> rig.count("SELECT COUNT(*) FROM processed_mail") + rig.unseenInInbox() == total);
            await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
            assertThat(rig.isShahidAlive()).isTrue();
            long quarantined = rig.count("SELECT COUNT(*) FROM processed_mail WHERE outcome = 'QUARANTINED'");
            long processed = rig.count("SELECT COUNT(*) FROM processed_mail") - quarantined;
            assertThat(rig.count("SELECT COUNT(*) FROM quarantine")).isEqualTo(quarantined);
            // A mail whose IMAP envelope Angus cannot load used to fail in camel-mail before intake saw it and stay
            // unseen for ever; the routes' RawMailOnlyBinding no longer touches the envelope.
            int stuck = rig.unseenInInbox();
            assertThat(stuck).isZero();
            assertThat(processed + quarantined + stuck).isEqualTo(total);
            System.out.printf("fault-result | poison: %d fuzzed corpus mails, 10,000 nested parts, 1 MB header line"
                    + " (+%d good) | %d | %d (%d quarantined, %d left unseen) | %d | 0 | 0%n", poison.size() - 2,
                    GOOD, total, rig.count("SELECT COUNT(*) FROM ticket"), quarantined, stuck,
                    rig.acknowledgements());
        }
    }

    private static List<byte[]> fuzzedCorpus(Random random, int count) throws IOException {
        List<Path> files;
        try (Stream<Path> paths = Files.walk(CORPUS)) {
            files = paths.filter(Files::isRegularFile)
                    .filter(path -> !path.getFileName().toString().equals("README.md"))
                    .filter(path -> !path.getFileName().toString().endsWith(".mbox"))
                    .sorted().toList();
        }
        List<byte[]> fuzzed = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] original = Files.readAllBytes(files.get(random.nextInt(files.size())));
            byte[] mutated = switch (i % 4) {
                case 0 -> flipBytes(original, random);
                case 1 -> truncateHeaders(original, random);
                case 2 -> removeBoundaries(original);
                default -> lieAboutCharsets(original, random);
            };
            // A distinct first line keeps every fuzzed mail a distinct mail (its own key).
            fuzzed.add(concat(("X-Fuzz-Id: " + i + "\r\n").getBytes(StandardCharsets.US_ASCII), mutated));
        }
        return fuzzed;
    }

    private static byte[] flipBytes(byte[] raw, Random random) {
        byte[] copy = raw.clone();
        for (int i = 0; i < Math.max(1, copy.length / 200); i++) {
            copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return copy;
    }

    private static byte[] truncateHeaders(byte[] raw, Random random) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\n\n") > 0 ? text.indexOf("\n\n") : text.indexOf("\r\n\r\n");
        int cut = end > 4 ? 1 + random.nextInt(end - 1) : raw.length / 2;
        return text.substring(0, cut).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] removeBoundaries(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        return text.replaceAll("(?m)^--.*$", "").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] lieAboutCharsets(byte[] raw, Random random) {
        String[] lies = {"utf-16", "x-klingon", "iso-2022-jp", "utf-7", "windows-1256", ""};
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        String lie = lies[random.nextInt(lies.length)];
        String lied = text.replaceAll("(?i)charset=\"?[\\w.:-]+\"?", "charset=" + lie);
        if (lied.equals(text)) {
            lied = "Content-Type: text/plain; charset=" + lie + "\r\n" + text;
        }
        return lied.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] nestedParts(int depth) {
        StringBuilder mail = new StringBuilder("From: <deep@example.org>\r\nTo: report@shahid.test\r\n"
                + "Subject: nested\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b0\"\r\n\r\n");
        for (int i = 1; i < depth; i++) {
            mail.append("--b").append(i - 1).append("\r\nContent-Type: multipart/mixed; boundary=\"b").append(i)
                    .append("\"\r\n\r\n");
        }
        mail.append("--b").append(depth - 1).append("\r\nContent-Type: text/plain\r\n\r\nbottom\r\n");
        for (int i = depth - 1; i >= 0; i--) {
            mail.append("--b").append(i).append("--\r\n");
        }
        return mail.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] hugeHeaderLine(int length) {
        return ("From: <long@example.org>\r\nTo: report@shahid.test\r\nSubject: " + "A".repeat(length)
                + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nlong header\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(first.length + second.length);
        out.writeBytes(first);
        out.writeBytes(second);
        return out.toByteArray();
    }
}
