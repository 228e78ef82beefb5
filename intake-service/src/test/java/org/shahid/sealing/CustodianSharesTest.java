package org.shahid.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shahid.config.Database;
import org.shahid.kernel.Settings;
import org.shahid.testing.TestDatabase;

/** The cryptography of custodians: k of n, no fewer, no foreign shares, each share counted once, passphrases. */
class CustodianSharesTest {

    private static final int ITERATIONS = 20_000;
    private static TestDatabase testDatabase;
    private static Database database;
    private static CustodianPublicKey firstKey;
    private static List<String> firstShares;
    private static List<String> secondShares;

    private static List<char[]> passphrases(String prefix, int count) {
        return java.util.stream.IntStream.rangeClosed(1, count).mapToObj(i -> (prefix + "-passphrase-" + i).toCharArray())
                .toList();
    }

    @BeforeAll
    static void twoCeremonies() {
        testDatabase = TestDatabase.create();
        database = Database.open(Settings.load(Map.of(), testDatabase.settings()));
        Jdbi jdbi = database.jdbi();
        CustodianCeremony ceremony = new CustodianCeremony();
        firstShares = jdbi.inTransaction(handle -> ceremony.create(handle, 5, 3, passphrases("first", 5), ITERATIONS,
                Instant.now())).printableShares();
        firstKey = jdbi.withHandle(CustodianKeys::activeIn).orElseThrow();
        secondShares = jdbi.inTransaction(handle -> ceremony.create(handle, 5, 3, passphrases("second", 5), ITERATIONS,
                Instant.now())).printableShares();
    }

    @AfterAll
    static void drop() {
        database.close();
        testDatabase.close();
    }

    private static CustodianShare first(int index) {
        return CustodianShare.fromPrintable(firstShares.get(index - 1), ("first-passphrase-" + index).toCharArray());
    }

    private static CustodianShare second(int index) {
        return CustodianShare.fromPrintable(secondShares.get(index - 1), ("second-passphrase-" + index).toCharArray());
    }

    @Test
    void anyThreeSharesOfTheRightKeyOpenWhatWasSealedToIt() {
        byte[] sealed = firstKey.seal("Noor Jabbar <noor@example.org>".getBytes(StandardCharsets.UTF_8), "ticket:7");

        RebuildCustodianKey.OpenedKey fromOneTwoThree = new RebuildCustodianKey().rebuild(firstKey,
                List.of(first(1), first(2), first(3)));
        RebuildCustodianKey.OpenedKey fromTwoFourFive = new RebuildCustodianKey().rebuild(firstKey,
                List.of(first(5), first(2), first(4)));

        assertThat(new String(fromOneTwoThree.open(sealed, "ticket:7"), StandardCharsets.UTF_8))
                .isEqualTo("Noor Jabbar <noor@example.org>");
        assertThat(fromTwoFourFive.open(sealed, "ticket:7")).isEqualTo(fromOneTwoThree.open(sealed, "ticket:7"));
        assertThatThrownBy(() -> fromOneTwoThree.open(sealed, "ticket:8")).isInstanceOf(SealingException.class);
    }

    @Test
    void twoSharesRevealNothingAndTheSameShareTwiceCountsOnce() {
        assertThatThrownBy(() -> new RebuildCustodianKey().rebuild(firstKey, List.of(first(1), first(2))))
                .isInstanceOf(SealingException.class).hasMessageContaining("2 distinct share(s)")
                .hasMessageContaining("3 are needed");
        assertThatThrownBy(() -> new RebuildCustodianKey().rebuild(firstKey, List.of(first(1), first(2), first(1))))
                .isInstanceOf(SealingException.class).hasMessageContaining("2 distinct share(s)");
    }

    @Test
    void aShareOfAnotherKeyIsRefusedAndAForgedOneDoesNotRebuildTheKey() {
        assertThatThrownBy(() -> new RebuildCustodianKey().rebuild(firstKey, List.of(first(1), first(2), second(3))))
                .isInstanceOf(SealingException.class).hasMessageContaining("belongs to another custodian key");
        CustodianShare relabelled = second(3);
        CustodianShare forged = new CustodianShare(firstKey.id(), 3, 3, 5, relabelled.secret());

        assertThatThrownBy(() -> new RebuildCustodianKey().rebuild(firstKey, List.of(first(1), first(2), forged)))
                .isInstanceOf(SealingException.class).hasMessageContaining("do not rebuild custodian key");
    }

    @Test
    void aShareOpensOnlyWithItsPassphraseAndADamagedOneIsRefused() {
        String share = firstShares.get(0);
        // One character of the ciphertext changed: the first body line after the header's blank line.
        List<String> lines = new java.util.ArrayList<>(share.lines().toList());
        int body = lines.indexOf("") + 1;
        lines.set(body, (lines.get(body).charAt(0) == 'A' ? "B" : "A") + lines.get(body).substring(1));
        String damaged = String.join("\n", lines);

        assertThat(share).contains("KDF: PBKDF2-HMAC-SHA256 " + ITERATIONS).doesNotContain("first-passphrase");
        assertThatThrownBy(() -> CustodianShare.fromPrintable(share, "first-passphrase-2".toCharArray()))
                .isInstanceOf(SealingException.class).hasMessageContaining("passphrase does not open");
        assertThatThrownBy(() -> CustodianShare.fromPrintable(damaged, "first-passphrase-1".toCharArray()))
                .isInstanceOf(SealingException.class).hasMessageContaining("or the share is damaged");
        assertThat(first(1).identity()).isEqualTo("key " + CustodianShare.keyIdText(firstKey.id()) + " share 1");
    }

    @Test
    void rotationRetiresTheOldKeyWhoseRecordsStayReadableWithTheOldShares() {
        List<CustodianKeys.KeyStatus> keys = database.jdbi().withHandle(CustodianKeys::statusIn);
        byte[] sealedBefore = firstKey.seal("old record".getBytes(StandardCharsets.UTF_8), "ticket:1");

        assertThat(keys).hasSize(2);
        assertThat(keys.get(0).retiredAt()).isNotNull();
        assertThat(keys.get(1).retiredAt()).isNull();
        assertThat(database.jdbi().withHandle(CustodianKeys::activeIn).orElseThrow().id()).isNotEqualTo(firstKey.id());
        assertThat(new RebuildCustodianKey().rebuild(firstKey, List.of(first(1), first(3), first(4)))
                .open(sealedBefore, "ticket:1")).isEqualTo("old record".getBytes(StandardCharsets.UTF_8));
    }
}
