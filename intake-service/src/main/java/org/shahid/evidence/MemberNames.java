package org.shahid.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The names members carry inside a rebuilt archive or attached mail. An original name may hold the reporter's
 * name, number or a folder of their phone ("/sdcard/DCIM/Ahmed_Kareem/…", "C:/Users/layla/…"), and the child that
 * rebuilds the copy does not know the reporter's terms; so a member is stored as
 * {@code <n>-<first 8 hex of its copy's SHA-256>.<ext>}, flat, with nothing of the original name but a plain
 * extension. The copy's record maps each new name to the original one ({@link #record}), which the service
 * redacts with the reporter's terms before it is stored ({@link #redacted}). A member of a member (a zip in a zip,
 * an attached mail's zip) is recorded by its path in the copy, {@code Renamed:1-0a1b2c3d.zip/4-5e6f7a8b.jpg=…}
 * ({@link #nested}), so every mapping says which archive holds it; {@link #renaming} reads records back, old ones
 * too. Stateless.
 */
final class MemberNames {

    /**
     * How a mapping starts in the removed-field list. Records written before nested members had paths put
     * "Member:" or "Attachment:" of a container in front of it and say nothing of which member held them.
     */
    static final String RENAMED = "Renamed:";
    /** Between the names of a copy path: never part of a member's name in a copy. */
    static final String PATH_SEPARATOR = "/";

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

    /**
     * The removed-field entries of the member named {@code memberName} in its container's copy, as the container
     * records them: its members' renamings under its name ({@code Renamed:<memberName>/<path>=<original>}), every
     * other field after {@code kind} ("Member:", "Attachment:"). With {@code memberName} null (the one file in a
     * gzip, which has no name in the copy) renamings are passed on unchanged.
     */
    static List<String> nested(String kind, String memberName, List<String> fields) {
        List<String> recorded = new ArrayList<>(fields.size());
        for (String field : fields) {
            int renamed = field.indexOf(RENAMED);
            if (renamed < 0) {
                recorded.add(kind + field);
            } else {
                String mapping = field.substring(renamed + RENAMED.length());
                recorded.add(RENAMED + (memberName == null ? "" : memberName + PATH_SEPARATOR) + mapping);
            }
        }
        return recorded;
    }

    /**
     * The renaming an entry records, if it is one: {@code [container]Renamed:[parent/…/]copyName=original}. The
     * container is "" for every record written with paths; an old record's "Member:" says only "somewhere deeper".
     */
    static Optional<MemberRenamings.Renaming> renaming(String entry) {
        int renamed = entry.indexOf(RENAMED);
        int equals = renamed < 0 ? -1 : entry.indexOf('=', renamed);
        if (equals <= renamed + RENAMED.length()) {
            return Optional.empty();
        }
        String path = entry.substring(renamed + RENAMED.length(), equals);
        int last = path.lastIndexOf(PATH_SEPARATOR);
        return Optional.of(new MemberRenamings.Renaming(entry.substring(0, renamed),
                last < 0 ? "" : path.substring(0, last), path.substring(last + 1), entry.substring(equals + 1)));
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
