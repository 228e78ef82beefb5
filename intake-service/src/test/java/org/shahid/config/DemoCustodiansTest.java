package org.shahid.config;

import org.shahid.kernel.Settings;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.sealing.CustodianKeys;
import org.shahid.sealing.CustodianPublicKey;
import org.shahid.sealing.CustodianShare;
import org.shahid.sealing.RebuildCustodianKey;
import org.shahid.testing.TestDatabase;

/** The demo's 2-of-3 custodian set: shares under demo-custodians/, the passphrases of its banner, created once. */
class DemoCustodiansTest {

    @TempDir
    Path home;

    @Test
    void createsTwoOfThreeSharesOnceThatOpenWithTheBannersPassphrases() throws Exception {
        try (TestDatabase testDatabase = TestDatabase.create()) {
            Map<String, String> overrides = new HashMap<>(testDatabase.settings());
            overrides.put("shahid.custodians.kdf-iterations", "20000");
            Settings settings = Settings.load(Map.of(), overrides);

            Path folder = DemoCustodians.ensure(settings, home);
            String firstShare = Files.readString(folder.resolve("share-1"));
            Path again = DemoCustodians.ensure(settings, home);

            assertThat(folder).isEqualTo(home.resolve("demo-custodians")).isEqualTo(again);
            assertThat(Files.readString(folder.resolve("share-1"))).isEqualTo(firstShare);
            List<CustodianShare> shares = List.of(
                    CustodianShare.fromPrintable(Files.readString(folder.resolve("share-2")),
                            "demo-custodian-2".toCharArray()),
                    CustodianShare.fromPrintable(Files.readString(folder.resolve("share-3")),
                            "demo-custodian-3".toCharArray()));
            try (Database database = Database.open(settings)) {
                CustodianPublicKey key = database.jdbi().withHandle(CustodianKeys::activeIn).orElseThrow();
                assertThat(key.threshold()).isEqualTo(2);
                assertThat(key.custodians()).isEqualTo(3);
                assertThat(new RebuildCustodianKey().rebuild(key, shares).keyId()).isEqualTo(key.id());
                long keys = database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM custodian_key").mapTo(Long.class).one());
                assertThat(keys).isEqualTo(1);
            }
            assertThat(DemoCustodians.bannerText(folder)).contains(folder.resolve("share-1").toString())
                    .contains("demo-custodian-1").contains("demo-custodian-2").contains("demo-custodian-3")
                    .contains("2 of 3");
        }
    }
}
