package org.shahid.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.kernel.ConfigurationException;
import org.shahid.testing.RunningShahid;
import org.shahid.testing.TestMails;

/** What other keys do to an instance: a row it cannot open fails alone; with other keys it refuses to start. */
class KeysetsAndUnopenableRowsTest {

    @TempDir
    Path state;

    @Test
    void aRowThatDoesNotOpenFailsAloneAndAnInstanceWithOtherKeysRefusesToStart() throws Exception {
        // the outbox timer fires once at start, then not again within the test, and intake does not wake it: the
        // test sends by hand
        try (RunningShahid shahid = RunningShahid.prepare(state, Map.of("shahid.outbox.interval-ms", "600000",
                "shahid.outbox.wake-after-intake", "false"))) {
            shahid.startService();
            for (int i = 0; i < 3; i++) {
                shahid.deliverRaw(RunningShahid.REPORT, TestMails.plain("reporter" + i + "@example.org",
                        RunningShahid.REPORT, "Report " + i, "Text " + i));
            }
            shahid.awaitCount("SELECT COUNT(*) FROM outbox WHERE purpose = 'ACKNOWLEDGEMENT' AND status = 'PENDING'", 3);
            // the sealed recipient of the second acknowledgement no longer opens (as with another keys folder)
            shahid.database().connect().createStatement().executeUpdate("UPDATE sealed_identity SET ciphertext ="
                    + " UNHEX(REPEAT('00', 64)) WHERE id = (SELECT recipient_sealed_id FROM outbox"
                    + " WHERE purpose = 'ACKNOWLEDGEMENT' ORDER BY id LIMIT 1 OFFSET 1)");

            shahid.service().beans().sendOutbox().deliverDue();

            assertThat(shahid.count("SELECT COUNT(*) FROM outbox WHERE purpose = 'ACKNOWLEDGEMENT'"
                    + " AND status = 'SENT'")).isEqualTo(2);
            assertThat(shahid.text("SELECT CONCAT(status, ': ', last_error) FROM outbox WHERE purpose = 'ACKNOWLEDGEMENT'"
                    + " ORDER BY id LIMIT 1 OFFSET 1"))
                    .isEqualTo("FAILED: sealed recipient does not open with this instance's keys");
            assertThat(shahid.count("SELECT COUNT(*) FROM outbox WHERE status = 'SENDING'")).isZero();

            shahid.stopService();
            try (Stream<Path> keys = Files.list(state.resolve("keys"))) {
                for (Path key : keys.toList()) {
                    Files.delete(key);
                }
            }
            assertThatThrownBy(shahid::startService).isInstanceOf(ConfigurationException.class)
                    .hasMessageStartingWith("the keysets in shahid.keys.dir are not the ones this database's records"
                            + " were sealed with")
                    .hasMessageContaining("sealing-aead=");
            assertThat(shahid.count("SELECT COUNT(DISTINCT keyset) FROM keyset_key")).isEqualTo(3);
        }
    }
}
