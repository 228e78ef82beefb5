package org.shahid.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The names members carry inside a rebuilt archive or attached mail. An original name may hold the reporter's
 * name, number or a folder of their phone ("/sdcard/DCIM/Ahmed_Kareem/…", "C:/Users/layla/…"), and the child that
 * rebuilds the copy does not know the reporter's terms; so a member is stored as
 * {@code <n>-<first 8 hex of its copy's SHA-256>.<ext>}, flat, with nothing of the original name but a plain
 * extension. The copy's record maps each new name to the original one ({@link #record}), which the service
 * redacts with the reporter's terms before it is stored ({@link #redacted}). Stateless.
 */
final class MemberNames {

    /** How a mapping starts in the removed-field list (possibly after "Member:" or "Attachment:" of a container). */
    static final String RENAMED = "Renamed:";

    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{2,5}");
    private static final Pattern UNSAFE_IN_RECORD = Pattern.compile("[\\p{Cntrl}|;,=]");
    private static final int MAX_RECORDED_NAME = 120;
    private static final int HASH_HEX_CHARS = 8;

    private MemberNames() {
    }

    /** The name of the {@code position}th member (from 1) whose scrubbed copy is {@code copy}. */
    static String of(int position, Path copy, String originalName) throws IOException {
        String extension = extension(originalName);
        return position + "-" + sha256(copy).substring(0, HASH_HEX_CHARS) + (extension.isEmpty() ? "" : "." + extension);
    }

    /** The record of one renaming: {@code Renamed:<new>=<original>}, the original without separators, bounded. */
    static String record(String newName, String originalName) {
        String original = originalName == null ? "" : UNSAFE_IN_RECORD.matcher(originalName).replaceAll("_");
        return RENAMED + newName + "=" + (original.length() > MAX_RECORDED_NAME
                ? original.substring(0, MAX_RECORDED_NAME) : original);
    }

    /** A removed-field entry with the original name of a renaming passed through {@code redactName}. */
    static String redacted(String entry, UnaryOperator<String> redactName) {
        int renamed = entry.indexOf(RENAMED);
        int equals = renamed < 0 ? -1 : entry.indexOf('=', renamed);
        if (equals < 0) {
            return entry;
        }
        return entry.substring(0, equals + 1) + redactName.apply(entry.substring(equals + 1));
    }

    /** The lowercase extension of the last path element when it is 2 to 5 letters or digits, else "". */
    static String extension(String name) {
        if (name == null) {
            return "";
        }
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = last.lastIndexOf('.');
        String extension = dot < 0 ? "" : last.substring(dot + 1).toLowerCase(Locale.ROOT);
        return EXTENSION.matcher(extension).matches() ? extension : "";
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
