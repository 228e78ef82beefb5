package org.shahid.evidence;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Lays a file open for the check by difference, without any of the scrubbers' code: the raw bytes, every zip, tar
 * and 7z member and the content of a gzip (recursively), every PDF stream inflated, PDF hex strings decoded, base64
 * images in flat ODF, MIME base64 parts, and whatever follows an embedded JPEG start (MPF images, motion-photo
 * videos, trailers). Bounded in depth and total size, so a bomb costs at most {@link #MAX_TOTAL_BYTES}. Not
 * thread-safe (one per check).
 */
final class UnpackStreams {

    /** One laid-open piece: its path inside the file (for the record) and its bytes. */
    record Piece(String path, byte[] bytes) {
    }

    /** Within the extraction child's heap, with the copy's pieces beside the original's. */
    static final long MAX_TOTAL_BYTES = 64L * 1024 * 1024;
    private static final int MAX_DEPTH = 5;
    private static final Pattern PDF_STREAM = Pattern.compile("stream\r?\n");
    private static final Pattern PDF_HEX = Pattern.compile("<([0-9A-Fa-f\\s]{8,})>");
    private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/=\r\n]{400,}");

    private final List<Piece> pieces = new ArrayList<>();
    private long total;
    private boolean complete = true;

    static List<Piece> of(byte[] file) {
        return unpack(file).pieces();
    }

    /** The pieces, and whether all of the file could be laid open within the limits. */
    record Unpacked(List<Piece> pieces, boolean complete) {
    }

    static Unpacked unpack(byte[] file) {
        UnpackStreams unpack = new UnpackStreams();
        unpack.add("", file, 0);
        return new Unpacked(unpack.pieces, unpack.complete);
    }

    private void add(String path, byte[] bytes, int depth) {
        if (total + bytes.length > MAX_TOTAL_BYTES) {
            complete = false;
            return;
        }
        total += bytes.length;
        pieces.add(new Piece(path, bytes));
        if (depth >= MAX_DEPTH) {
            complete = false;
            return;
        }
        if (MagicBytes.startsWith(bytes, "PK\3\4")) {
            zipMembers(path, bytes, depth);
        }
        if (MagicBytes.startsWith(bytes, "\u001f\u008b")) {
            gzipContent(path, bytes, depth);
        }
        if (isTar(bytes)) {
            tarMembers(path, bytes, depth);
        }
        if (MagicBytes.startsWith(bytes, "7z\u00bc\u00af\u0027\u001c")) {
            sevenZipMembers(path, bytes, depth);
        }
        if (MagicBytes.startsWith(bytes, "%PDF") || contains(bytes, "endstream")) {
            pdfStreams(path, bytes, depth);
        }
        embeddedJpegs(path, bytes, depth);
        base64Runs(path, bytes, depth);
    }

    private void zipMembers(String path, byte[] bytes, int depth) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                byte[] member = readBounded(zip);
                if (member == null) {
                    complete = false;
                    return;
                }
                add(path + "/" + entry.getName(), member, depth + 1);
                if (entry.getComment() != null) {
                    add(path + "/" + entry.getName() + "#comment",
                            entry.getComment().getBytes(StandardCharsets.UTF_8), depth + 1);
                }
            }
        } catch (IOException | IllegalArgumentException unreadable) {
            // What could be read was added; the raw bytes are searched anyway.
        }
    }

    private void gzipContent(String path, byte[] bytes, int depth) {
        try (InputStream gzip = new GzipCompressorInputStream(new ByteArrayInputStream(bytes), true)) {
            byte[] content = readBounded(gzip);
            if (content == null) {
                complete = false;
                return;
            }
            add(path + "/gzip-content", content, depth + 1);
        } catch (IOException | RuntimeException unreadable) {
            // The raw bytes, header names and comment included, are searched anyway.
        }
    }

    private static boolean isTar(byte[] bytes) {
        return bytes.length >= 512 && new String(bytes, 257, 5, StandardCharsets.ISO_8859_1).equals("ustar");
    }

    /** Members at their own offset, so that a zip or a gzip inside is laid open in turn. */
    private void tarMembers(String path, byte[] bytes, int depth) {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(bytes))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                byte[] member = readBounded(tar);
                if (member == null) {
                    complete = false;
                    return;
                }
                add(path + "/" + entry.getName(), member, depth + 1);
            }
        } catch (IOException | RuntimeException unreadable) {
            // What could be read was added; the raw bytes are searched anyway.
        }
    }

    private void sevenZipMembers(String path, byte[] bytes, int depth) {
        try (SevenZFile archive = SevenZFile.builder().setByteArray(bytes).setMaxMemoryLimitKiB(64 * 1024).get()) {
            for (SevenZArchiveEntry entry : archive.getEntries()) {
                if (entry.isDirectory() || !entry.hasStream()) {
                    continue;
                }
                byte[] member = readBounded(archive.getInputStream(entry));
                if (member == null) {
                    complete = false;
                    return;
                }
                add(path + "/" + entry.getName(), member, depth + 1);
            }
        } catch (IOException | RuntimeException unreadable) {
            // An encrypted or broken 7z: nothing of it can be compared, so nothing of it is laid open.
            complete = false;
        }
    }

    private void pdfStreams(String path, byte[] bytes, int depth) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        Matcher stream = PDF_STREAM.matcher(text);
        int index = 0;
        while (stream.find()) {
            int start = stream.end();
            int end = text.indexOf("endstream", start);
            if (end < 0) {
                break;
            }
            byte[] raw = java.util.Arrays.copyOfRange(bytes, start, end);
            byte[] inflated = inflate(raw);
            add(path + "/stream-" + index++, inflated != null ? inflated : raw, depth + 1);
        }
        Matcher hex = PDF_HEX.matcher(text);
        ByteArrayOutputStream decoded = new ByteArrayOutputStream();
        while (hex.find()) {
            String digits = hex.group(1).replaceAll("\\s", "");
            if (digits.length() % 2 == 0) {
                decoded.writeBytes(java.util.HexFormat.of().parseHex(digits));
                decoded.write('\n');
            }
        }
        if (decoded.size() > 0) {
            add(path + "/hex-strings", decoded.toByteArray(), depth + 1);
        }
    }

    /** From the second JPEG start on: MPF images, thumbnails, and a motion photo's video after them. */
    private void embeddedJpegs(String path, byte[] bytes, int depth) {
        if (!(bytes.length > 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8)) {
            return;
        }
        for (int at = 2; at + 3 < bytes.length; at++) {
            if ((bytes[at] & 0xFF) == 0xFF && (bytes[at + 1] & 0xFF) == 0xD8 && (bytes[at + 2] & 0xFF) == 0xFF) {
                add(path + "/embedded-" + at, java.util.Arrays.copyOfRange(bytes, at, bytes.length), depth + 1);
                return; // the tail itself is searched again from its own second start
            }
        }
    }

    /** Base64 runs (flat ODF's office:binary-data, MIME parts) decoded. */
    private void base64Runs(String path, byte[] bytes, int depth) {
        if (bytes.length < 400 || (bytes[0] & 0xFF) == 0xFF || MagicBytes.startsWith(bytes, "%PDF")) {
            return;
        }
        Matcher run = BASE64_RUN.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
        int index = 0;
        while (run.find()) {
            try {
                add(path + "/base64-" + index++, Base64.getMimeDecoder().decode(run.group()), depth + 1);
            } catch (IllegalArgumentException notBase64) {
                // not a base64 run after all
            }
        }
    }

    private static byte[] inflate(byte[] raw) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(raw);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            while (!inflater.finished()) {
                int count = inflater.inflate(buffer);
                if (count == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buffer, 0, count);
                if (out.size() > 64 * 1024 * 1024) {
                    break;
                }
            }
            return out.size() == 0 ? null : out.toByteArray();
        } catch (java.util.zip.DataFormatException notDeflate) {
            return null;
        } finally {
            inflater.end();
        }
    }

    private byte[] readBounded(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int read;
        while ((read = in.read(buffer)) >= 0) {
            out.write(buffer, 0, read);
            if (total + out.size() > MAX_TOTAL_BYTES) {
                return null;
            }
        }
        return out.toByteArray();
    }

    private static boolean contains(byte[] bytes, String text) {
        return new String(bytes, 0, Math.min(bytes.length, 4 * 1024 * 1024), StandardCharsets.ISO_8859_1)
                .contains(text);
    }
}
