package org.shahid.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The key ceremony as tests hold it: a 2-of-3 custodian set made through the jar's own {@code custodians init}. */
public final class TestCustodians {

    /** The custodians' passphrases, in the order of their shares {@code share-1} to {@code share-3}. */
    public static final List<String> PASSPHRASES = List.of("first-custodian-words", "second-custodian-words",
            "third-custodian-words");

    private TestCustodians() {
    }

    /** Creates the custodian key of three custodians, two of whom unseal; returns the folder of their shares. */
    public static Path twoOfThree(RunningShahid shahid, Path stateDir) throws IOException {
        Path shares = stateDir.resolve("shares");
        Path passphrases = stateDir.resolve("passphrases");
        Files.writeString(passphrases, String.join("\n", PASSPHRASES) + "\n");
        AdminCli.Run init = AdminCli.run(shahid, "custodians", "init", "--custodians", "3", "--threshold", "2",
                "--out", shares.toString(), "--passphrases", passphrases.toString());
        if (init.exit() != 0) {
            throw new IllegalStateException("custodians init failed: " + init.err());
        }
        return shares;
    }
}
