package org.shahid.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.config.Database;
import org.shahid.kernel.Settings;
import org.shahid.testing.TestDatabase;

/**
 * A mail's original and its sender's identity record are sealed to the custodians under one encapsulation, and
 * open with the rebuilt key each in its own place only, as values sealed alone (which still open) do.
 */
class CustodianEnvelopeTest {

    private static final byte[] ORIGINAL = ("From: Noor Jabbar <noor@example.org>\r\nSubject: Threats\r\n\r\n"
            + "The candidate's guards threatened voters.").getBytes(StandardCharsets.UTF_8);
    private static final byte[] RECORD = "noor@example.org|Noor Jabbar".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path state;

    private static TestDatabase testDatabase;
    private static Database database;
    private static CustodianPublicKey key;
    private static RebuildCustodianKey.OpenedKey opened;
    private static SealedBlobStore blobs;

    @BeforeAll
    static void ceremony() throws Exception {
        testDatabase = TestDatabase.create();
        database = Database.open(Settings.load(Map.of(), testDatabase.settings()));
        Jdbi jdbi = database.jdbi();
        List<char[]> passphrases = List.of("one-passphrase".toCharArray(), "two-passphrase".toCharArray());
        List<String> shares = jdbi.inTransaction(handle -> new CustodianCeremony().create(handle, 2, 2, passphrases,
                1_000, Instant.now())).printableShares();
        key = jdbi.withHandle(CustodianKeys::activeIn).orElseThrow();
        opened = new RebuildCustodianKey().rebuild(key, List.of(
                CustodianShare.fromPrintable(shares.get(0), "one-passphrase".toCharArray()),
                CustodianShare.fromPrintable(shares.get(1), "two-passphrase".toCharArray())));
        blobs = new SealedBlobStore(state.resolve("data"), Keyring.load(state.resolve("keys"), true),
                new CustodianKeys(jdbi, Clock.systemUTC()));
    }

    @AfterAll
    static void drop() {
        database.close();
        testDatabase.close();
    }

    @Test
    void theOriginalAndTheIdentityRecordShareOneEncapsulationAndEachOpensInItsOwnPlace() throws Exception {
        CustodianEnvelope envelope = blobs.newCustodianEnvelope().orElseThrow();
        String original = blobs.put("mail", ORIGINAL, envelope);
        byte[] record = envelope.seal(RECORD, "ticket:7");
        byte[] onDisk = Files.readAllBytes(fileOf(original));

        assertThat(envelope.keyId()).isEqualTo(key.id());
        assertThat(SealedBlobStore.isCustodianSealed(original)).isTrue();
        assertThat(blobs.readWithCustodianKey(original, opened)).isEqualTo(ORIGINAL);
        assertThat(opened.open(record, "ticket:7")).isEqualTo(RECORD);
        int header = 4 + 2 + sealedKeyLength(record);
        assertThat(Arrays.copyOf(onDisk, header)).as("one sealed data key for both").isEqualTo(Arrays.copyOf(record,
                header));
        assertThat(Arrays.copyOf(key.newEnvelope().seal(RECORD, "ticket:7"), header))
                .as("each mail a key of its own").isNotEqualTo(Arrays.copyOf(record, header));
        assertThatThrownBy(() -> opened.open(record, "ticket:8")).isInstanceOf(SealingException.class);
        assertThatThrownBy(() -> opened.open(onDisk, "ticket:7")).as("the original read as a record")
                .isInstanceOf(SealingException.class);
    }

    @Test
    void aTamperedOrTruncatedEnvelopeIsRefusedAsTampered() {
        byte[] record = key.newEnvelope().seal(RECORD, "ticket:7");
        int header = 4 + 2 + sealedKeyLength(record);
        for (int position : List.of(header - 1, header + 3, record.length - 1)) {
            byte[] tampered = record.clone();
            tampered[position] ^= 1;
            assertThatThrownBy(() -> opened.open(tampered, "ticket:7")).isInstanceOf(SealingException.class);
        }
        for (int length : List.of(7, header - 1, header + 10)) {
            byte[] truncated = Arrays.copyOf(record, length);
            assertThatThrownBy(() -> opened.open(truncated, "ticket:7")).isInstanceOf(SealingException.class);
        }
        byte[] longerKeyThanThere = record.clone();
        longerKeyThanThere[4] = (byte) 0x7f;
        assertThatThrownBy(() -> opened.open(longerKeyThanThere, "ticket:7")).isInstanceOf(SealingException.class);
    }

    @Test
    void aValueSealedAloneStillOpens() {
        byte[] alone = key.seal(RECORD, "ticket:7");

        assertThat(CustodianEnvelope.isEnvelope(alone)).isFalse();
        assertThat(opened.open(alone, "ticket:7")).isEqualTo(RECORD);
        String original = blobs.put("mail", ORIGINAL);
        assertThat(blobs.readWithCustodianKey(original, opened)).isEqualTo(ORIGINAL);
    }

    private static int sealedKeyLength(byte[] sealed) {
        return ((sealed[4] & 0xff) << 8) | (sealed[5] & 0xff);
    }

    private static Path fileOf(String key) {
        String name = key.substring(key.indexOf('/') + 1);
        return state.resolve("data").resolve("sealed").resolve(key.substring(0, key.indexOf('/'))).resolve(name.substring(0, 2))
                .resolve(name);
    }
}
