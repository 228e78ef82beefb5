package org.shahid.config;

import org.shahid.kernel.Settings;
import org.shahid.kernel.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.shahid.sealing.CustodianCeremony;
import org.shahid.sealing.CustodianKeys;
import org.shahid.sealing.ShareFiles;

/**
 * The demo's custodian set: on the first start, a 2-of-3 ceremony whose shares {@code share-1..share-3} go to
 * {@code $SHAHID_DATA_DIR/demo-custodians/} under the passphrases {@code demo-custodian-1..3}, so that a newcomer can
 * try an unseal end to end. Real custodians keep their shares off the server (docs/custodians.md); the demo keeps
 * them next to it on purpose. Thread-safe (no state).
 */
public final class DemoCustodians {

    static final String FOLDER = "demo-custodians";
    static final List<String> PASSPHRASES = List.of("demo-custodian-1", "demo-custodian-2", "demo-custodian-3");

    private DemoCustodians() {
    }

    /** Creates the set unless the database has a custodian key already; returns the shares' folder. */
    public static Path ensure(Settings settings, Path home) {
        Path folder = home.resolve(FOLDER);
        try (Database database = Database.open(settings)) {
            if (database.jdbi().withHandle(CustodianKeys::activeIn).isPresent()) {
                return folder;
            }
            if (Files.exists(ShareFiles.fileOf(folder, 1))) {
                throw new ConfigurationException(folder + " holds shares of a custodian key this database does not"
                        + " know: move the folder away (or point SHAHID_DATA_DIR elsewhere) and start again");
            }
            ShareFiles.prepareFolder(folder, PASSPHRASES.size());
            CustodianCeremony.Result result = database.jdbi().inTransaction(handle -> new CustodianCeremony().create(
                    handle, PASSPHRASES.size(), 2, PASSPHRASES.stream().map(String::toCharArray).toList(),
                    settings.integer("shahid.custodians.kdf-iterations"), Instant.now()));
            ShareFiles.write(folder, result.printableShares());
        }
        return folder;
    }

    /** The banner's lines about the custodian set. */
    public static String bannerText(Path folder) {
        return String.join("\n",
                "",
                "Custodians: 2 of 3 shares unseal a reporter's identity (the server alone cannot).",
                "  shares " + folder.resolve("share-1") + ", share-2, share-3;"
                        + " passphrases demo-custodian-1, demo-custodian-2, demo-custodian-3",
                "  unseal request SHD-… --reason \"…\"   then, per custodian:",
                "  SHAHID_CUSTODIAN_PASSPHRASE=demo-custodian-1 … unseal approve ID --share "
                        + folder.resolve("share-1"));
    }
}
