package org.shahid.admin;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.shahid.sealing.Keyring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code keys generate}: writes the sealing and pseudonym keysets that do not exist yet. Never overwrites. */
@Command(name = "keys", mixinStandardHelpOptions = true,
        description = "Create the Tink keysets (sealing-aead.json, sealing-streaming.json, pseudonym-prf.json).")
public final class KeysCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @ParentCommand
    ShahidCommand shahid;

    @Parameters(index = "0", description = "generate")
    String action;

    @Option(names = "--dir", description = "Folder for the keysets (default: shahid.keys.dir / SHAHID_KEYS_DIR).")
    Path dir;

    @Override
    public Integer call() {
        if (!"generate".equals(action)) {
            throw new IllegalArgumentException("unknown action '" + action + "'; use: keys generate");
        }
        Path folder = dir != null ? dir : shahid.settings().path("shahid.keys.dir");
        int written = Keyring.generateMissing(folder);
        out().println(written + " keyset(s) written to " + folder + "; back this folder up: without it the"
                + " sealed identities cannot be opened and pseudonyms change");
        return 0;
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
