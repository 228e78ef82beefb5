package org.shahid.sealing;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.KeyTemplates;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.prf.PrfConfig;
import com.google.crypto.tink.prf.PrfSet;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import org.shahid.kernel.ConfigurationException;

/**
 * The three Tink keysets that protect reporters, read from a folder outside the database:
 * {@code sealing-aead.json} (identity records), {@code sealing-streaming.json} (original mails and files) and
 * {@code pseudonym-prf.json} (the pepper of pseudonyms, never rotated). Thread-safe after loading.
 */
public final class Keyring {

    static final String AEAD_FILE = "sealing-aead.json";
    static final String STREAMING_FILE = "sealing-streaming.json";
    static final String PRF_FILE = "pseudonym-prf.json";

    static {
        try {
            AeadConfig.register();
            StreamingAeadConfig.register();
            PrfConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final KeysetHandle aeadKeys;
    private final KeysetHandle streamingKeys;
    private final KeysetHandle prfKeys;

    private Keyring(KeysetHandle aeadKeys, KeysetHandle streamingKeys, KeysetHandle prfKeys) {
        this.aeadKeys = aeadKeys;
        this.streamingKeys = streamingKeys;
        this.prfKeys = prfKeys;
    }

    /** Loads the keysets; with {@code generateMissing}, first writes any that do not exist yet. */
    public static Keyring load(Path folder, boolean generateMissing) {
        if (generateMissing) {
            generateMissing(folder);
        }
        return new Keyring(read(folder.resolve(AEAD_FILE)), read(folder.resolve(STREAMING_FILE)),
                read(folder.resolve(PRF_FILE)));
    }

    /** The template of new streaming keysets (originals, quarantined mails, evidence). */
    public static final String STREAMING_TEMPLATE = "AES256_CTR_HMAC_SHA256_1MB";

    /** Writes the keysets that do not exist yet, readable by the owner only. Returns how many it wrote. */
    public static int generateMissing(Path folder) {
        int written = 0;
        try {
            createPrivateFolder(folder);
            written += writeIfMissing(folder.resolve(AEAD_FILE), "AES256_GCM");
            // CTR+HMAC rather than GCM-HKDF: both are Tink streaming AEADs; on JDK 17 here GCM sealed 1 MB in
            // 14 ms, CTR+HMAC in 3.5 ms (README, Anonymity).
            written += writeIfMissing(folder.resolve(STREAMING_FILE), STREAMING_TEMPLATE);
            written += writeIfMissing(folder.resolve(PRF_FILE), "HMAC_SHA256_PRF");
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigurationException("cannot create keysets in " + folder + ": " + e.getClass().getSimpleName());
        }
        return written;
    }

    private static int writeIfMissing(Path file, String template) throws IOException, GeneralSecurityException {
        if (Files.exists(file)) {
            return 0;
        }
        KeysetHandle handle = KeysetHandle.generateNew(KeyTemplates.get(template));
        String json = TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
        // Created 0600 from the first byte (never with the umask's mode, then narrowed) under a temporary name, and
        // renamed into place: nobody else can open it in between, and a crash leaves no half keyset.
        Path temporary = file.resolveSibling("." + file.getFileName() + ".incoming");
        Files.deleteIfExists(temporary);
        try {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(temporary);
        }
        Files.writeString(temporary, json, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return 1;
    }

    private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> OWNER_ONLY_FILE =
            PosixFilePermissions.fromString("rw-------");

    private static void createPrivateFolder(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        try {
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            // createDirectories applies the umask to the mode; set it again so the folder is 0700 whatever the umask.
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException notPosix) {
            Files.createDirectories(folder);
        }
    }

    /**
     * Refuses a keyset file that group or others may read or write: a key readable by another account is a key
     * that other account holds. Returns the problem, or empty when the file is private (or not on POSIX).
     */
    public static java.util.Optional<String> exposure(Path file) {
        try {
            java.util.Set<java.nio.file.attribute.PosixFilePermission> mode = Files.getPosixFilePermissions(file);
            java.util.Set<java.nio.file.attribute.PosixFilePermission> exposed = java.util.EnumSet.copyOf(mode);
            exposed.retainAll(java.util.EnumSet.of(
                    java.nio.file.attribute.PosixFilePermission.GROUP_READ,
                    java.nio.file.attribute.PosixFilePermission.GROUP_WRITE,
                    java.nio.file.attribute.PosixFilePermission.OTHERS_READ,
                    java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE));
            if (!exposed.isEmpty()) {
                return java.util.Optional.of("keyset " + file + " is readable or writable by group or others (mode "
                        + PosixFilePermissions.toString(mode) + "): chmod 600 it, and 700 its folder");
            }
            return java.util.Optional.empty();
        } catch (UnsupportedOperationException notPosix) {
            return java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.of("keyset " + file + " cannot be checked: " + e.getClass().getSimpleName());
        }
    }

    /** The keyset files of a folder that are exposed to group or others, as problems. */
    public static java.util.List<String> exposures(Path folder) {
        return java.util.stream.Stream.of(AEAD_FILE, STREAMING_FILE, PRF_FILE).map(folder::resolve)
                .filter(Files::isRegularFile).map(Keyring::exposure).flatMap(java.util.Optional::stream).toList();
    }

    private static KeysetHandle read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException("keyset " + file + " is missing: run `keys generate` once, back the"
                    + " folder up, and point SHAHID_KEYS_DIR at it");
        }
        java.util.Optional<String> exposed = exposure(file);
        if (exposed.isPresent()) {
            throw new ConfigurationException(exposed.get());
        }
        try {
            return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file, StandardCharsets.UTF_8),
                    InsecureSecretKeyAccess.get());
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigurationException("keyset " + file + " cannot be read: " + e.getClass().getSimpleName());
        }
    }

    /**
     * The ids of the keys in each keyset, by keyset file name without {@code .json} (ids only, never key
     * material): the database records them so an instance with other keys refuses to start.
     */
    public java.util.Map<String, java.util.Set<Long>> keyIds() {
        return java.util.Map.of(
                AEAD_FILE.replace(".json", ""), idsOf(aeadKeys),
                STREAMING_FILE.replace(".json", ""), idsOf(streamingKeys),
                PRF_FILE.replace(".json", ""), idsOf(prfKeys));
    }

    private static java.util.Set<Long> idsOf(KeysetHandle handle) {
        java.util.Set<Long> ids = new java.util.TreeSet<>();
        for (int i = 0; i < handle.size(); i++) {
            ids.add(Integer.toUnsignedLong(handle.getAt(i).getId()));
        }
        return ids;
    }

    Aead aead() throws GeneralSecurityException {
        return aeadKeys.getPrimitive(com.google.crypto.tink.RegistryConfiguration.get(), Aead.class);
    }

    StreamingAead streamingAead() throws GeneralSecurityException {
        return streamingKeys.getPrimitive(com.google.crypto.tink.RegistryConfiguration.get(), StreamingAead.class);
    }

    PrfSet prf() throws GeneralSecurityException {
        return prfKeys.getPrimitive(com.google.crypto.tink.RegistryConfiguration.get(), PrfSet.class);
    }

    long primaryAeadKeyId() {
        return Integer.toUnsignedLong(aeadKeys.getPrimary().getId());
    }
}
