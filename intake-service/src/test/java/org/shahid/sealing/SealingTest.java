package org.shahid.sealing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealingTest {

    @TempDir
    Path keys;

    @TempDir
    Path otherKeys;

    @TempDir
    Path data;

    @Test
    void opensWhatItSealedForTheSameOwnerOnly() {
        Sealer sealer = new Sealer(Keyring.load(keys, true));
        byte[] identity = "From: Layla <layla@example.org>".getBytes(StandardCharsets.UTF_8);

        Sealer.SealedValue sealed = sealer.seal(identity, "ticket:1");

        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("layla");
        assertThat(sealer.open(sealed.ciphertext(), "ticket:1")).isEqualTo(identity);
        assertThatThrownBy(() -> sealer.open(sealed.ciphertext(), "ticket:2"))
                .isInstanceOf(SealingException.class).hasMessageNotContaining("layla");
    }

    @Test
    void failsLoudlyWithAnotherKey() {
        Sealer.SealedValue sealed = new Sealer(Keyring.load(keys, true)).seal(new byte[] {1, 2, 3}, "ticket:1");

        assertThatThrownBy(() -> new Sealer(Keyring.load(otherKeys, true)).open(sealed.ciphertext(), "ticket:1"))
                .isInstanceOf(SealingException.class);
    }

    @Test
    void givesOneAddressOneStablePseudonymWhateverItsCase() {
        Pseudonymizer pseudonymizer = new Pseudonymizer(Keyring.load(keys, true));

        String first = pseudonymizer.pseudonymOf("Layla@Example.org");

        assertThat(first).matches("R-[0-9A-HJKMNP-TV-Z]{10}");
        assertThat(pseudonymizer.pseudonymOf(" layla@example.org ")).isEqualTo(first);
        assertThat(pseudonymizer.pseudonymOf("omar@example.org")).isNotEqualTo(first);
        assertThat(new Pseudonymizer(Keyring.load(keys, false)).pseudonymOf("layla@example.org")).isEqualTo(first);
    }

    @Test
    void cannotBeReproducedWithoutThePepper() {
        String withOurPepper = new Pseudonymizer(Keyring.load(keys, true)).pseudonymOf("layla@example.org");
        String withAnother = new Pseudonymizer(Keyring.load(otherKeys, true)).pseudonymOf("layla@example.org");

        assertThat(withAnother).isNotEqualTo(withOurPepper);
    }

    @Test
    void keepsFilesEncryptedOnDiskAndReadsThemBack() throws Exception {
        SealedBlobStore store = new SealedBlobStore(data, Keyring.load(keys, true));
        byte[] original = "GPS 33.3152 44.3661 camera serial 12345".getBytes(StandardCharsets.UTF_8);

        String key = store.put("mail", original);

        try (var files = java.nio.file.Files.walk(data)) {
            files.filter(java.nio.file.Files::isRegularFile).forEach(file -> {
                try {
                    assertThat(new String(java.nio.file.Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                            .doesNotContain("camera serial");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        assertThat(store.read(key)).isEqualTo(original);
        assertThatThrownBy(() -> new SealedBlobStore(data, Keyring.load(otherKeys, true)).read(key))
                .isInstanceOf(SealingException.class);
    }

    @Test
    void refusesKeysThatCouldEscapeTheStore() {
        SealedBlobStore store = new SealedBlobStore(data, Keyring.load(keys, true));

        assertThatThrownBy(() -> store.read("mail/../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }
}
