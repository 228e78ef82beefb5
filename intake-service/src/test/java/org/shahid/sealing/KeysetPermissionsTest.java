package org.shahid.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shahid.kernel.ConfigurationException;
import org.shahid.admin.ShahidCommand;
import picocli.CommandLine;

/** Keysets are born private (0600 in a 0700 folder, whatever the umask), and a keyset others can read is refused. */
class KeysetPermissionsTest {

    @TempDir
    Path state;

    @Test
    void generatedKeysetsAreOwnerOnlyInAnOwnerOnlyFolder() throws Exception {
        Path folder = state.resolve("keys");

        int written = Keyring.generateMissing(folder);

        assertThat(written).isEqualTo(3);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder))).isEqualTo("rwx------");
        for (String name : new String[] {Keyring.AEAD_FILE, Keyring.STREAMING_FILE, Keyring.PRF_FILE}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve(name))))
                    .as(name).isEqualTo("rw-------");
        }
        try (var leftovers = Files.list(folder)) {
            assertThat(leftovers.map(path -> path.getFileName().toString())).noneMatch(name -> name.startsWith("."));
        }
        assertThat(Keyring.load(folder, false)).isNotNull();
    }

    @Test
    void startUpAndValidateRefuseAKeysetThatGroupOrOthersCanRead() throws Exception {
        Path folder = state.resolve("keys");
        Keyring.generateMissing(folder);
        Files.setPosixFilePermissions(folder.resolve(Keyring.AEAD_FILE), PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> Keyring.load(folder, false)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("readable or writable by group or others").hasMessageContaining("chmod 600");

        CommandLine validate = ShahidCommand.commandLine(Map.of("SHAHID_KEYS_DIR", folder.toString(),
                "SHAHID_DATA_DIR", state.resolve("data").toString(), "SHAHID_HOME", Path.of("..").toAbsolutePath()
                        .normalize().toString()));
        StringWriter err = new StringWriter();
        validate.setErr(new PrintWriter(err, true));
        validate.setOut(new PrintWriter(new StringWriter(), true));
        int exit = validate.execute("validate", "--offline");

        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("keysets: keyset").contains("readable or writable by group or others");
    }
}
