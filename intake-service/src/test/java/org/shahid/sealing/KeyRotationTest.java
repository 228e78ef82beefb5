package org.shahid.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shahid.testing.RunningShahid.REPORT;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.KeysetManager;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.testing.RunningShahid;
import org.shahid.testing.TestMails;

/** Rotating the sealing keys keeps older records readable and leaves pseudonyms (the pepper) unchanged. */
class KeyRotationTest {

    private static final String REPORTER = "zainab.m@example.org";
    private static final String AUTHSERV_ID = "mx.shahid.test";
    private static final String AUTHENTICATED = "Authentication-Results: " + AUTHSERV_ID + "; dkim=pass header.d="
            + REPORTER.substring(REPORTER.indexOf('@') + 1) + "; dmarc=pass\r\n";

    @TempDir
    Path state;

    private static void rotate(Path keyset, String template) throws Exception {
        KeysetHandle old = TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(keyset, StandardCharsets.UTF_8),
                InsecureSecretKeyAccess.get());
        KeysetManager manager = KeysetManager.withKeysetHandle(old).add(KeyTemplates.get(template));
        KeysetHandle added = manager.getKeysetHandle();
        manager.setPrimary(added.getAt(added.size() - 1).getId());
        Files.writeString(keyset, TinkJsonProtoKeysetFormat.serializeKeyset(manager.getKeysetHandle(),
                InsecureSecretKeyAccess.get()), StandardCharsets.UTF_8);
    }

    @Test
    void oldRecordsStillOpenAndPseudonymsStayTheSameAfterARotation() throws Exception {
        // Pseudonyms are stable only for mail the receiving server authenticated (others get one per ticket).
        try (RunningShahid shahid = RunningShahid.prepare(state, Map.of("shahid.mail.authserv-id", AUTHSERV_ID))) {
            shahid.startService();
            shahid.deliverRaw(REPORT, TestMails.plain("Zainab <" + REPORTER + ">", REPORT, "Shutdown",
                    "The internet was cut in the district during counting.", AUTHENTICATED));
            shahid.awaitReceived(REPORTER, 1);
            shahid.stopService();

            rotate(state.resolve("keys").resolve(Keyring.AEAD_FILE), "AES256_GCM");
            rotate(state.resolve("keys").resolve(Keyring.STREAMING_FILE), "AES256_GCM_HKDF_1MB");
            shahid.startService();
            shahid.deliverRaw(REPORT, TestMails.plain("Zainab <" + REPORTER + ">", REPORT, "Shutdown again",
                    "It was cut again the next day.", AUTHENTICATED));
            shahid.awaitReceived(REPORTER, 2);

            assertThat(shahid.count("SELECT COUNT(DISTINCT reporter_pseudonym) FROM ticket")).isEqualTo(1);
            assertThat(shahid.count("SELECT COUNT(*) FROM ticket")).isEqualTo(2);
            assertThat(shahid.count("SELECT COUNT(DISTINCT key_id) FROM sealed_identity")).isEqualTo(2);
            Keyring rotated = Keyring.load(state.resolve("keys"), false);
            SealedIdentityDao identities = new SealedIdentityDao(new Sealer(rotated));
            SealedBlobStore blobs = new SealedBlobStore(state.resolve("data"), rotated);
            shahid.service().database().jdbi().useHandle(handle -> {
                for (long id : new long[] {1, 2}) {
                    assertThat(identities.open(handle, id)).get().extracting(SealedIdentity::replyAddress)
                            .isEqualTo(REPORTER);
                    String raw = handle.createQuery("SELECT sealed_raw FROM sealed_identity WHERE id = :id")
                            .bind("id", id).mapTo(String.class).one();
                    assertThat(new String(blobs.read(raw), StandardCharsets.UTF_8)).contains(REPORTER);
                }
            });
        }
    }
}
