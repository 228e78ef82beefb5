package org.shahid.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Scrubs an OLE compound file (legacy .doc, .xls, .ppt, and OLE objects embedded in office packages) by copying its
 * storages and streams into a fresh compound file with POI's POIFS, leaving out every property set stream (names
 * starting with byte 5: {@code SummaryInformation} with author, last author and program, {@code
 * DocumentSummaryInformation} with company and manager, custom properties) at every level, and embedded packages
 * ({@code Ole10Native}, which carry a file and the path it came from; an object that is only such a package gets no
 * copy, so a container removes it with a note). Streams that name people are blanked in place, keeping their
 * structure: Excel's WRITEACCESS record and the authors of its cell notes (NOTE records), PowerPoint's {@code
 * Current User}, and the name lists of a Word document's table stream (revision and comment authors, last savers,
 * template path: {@link BlankWordNames}). Entry times and class ids of the old file are not copied beyond the
 * storage class ids that tell a reader what the object is. Encrypted files are refused. Thread-safe.
 */
final class ScrubOle implements MetadataScrubber {

    static final long MAX_FILE_BYTES = 128L * 1024 * 1024;
    private static final String PACKAGE_STREAM = "\u0001Ole10Native";
    private static final Set<String> ENCRYPTION_STREAMS = Set.of("EncryptionInfo", "EncryptedPackage");
    private static final int BIFF_FILEPASS = 0x002F;
    private static final int BIFF_WRITEACCESS = 0x005C;
    private static final int BIFF_NOTE = 0x001C;
    /** Where a NOTE record's author starts, after row, column, flags and object id. */
    private static final int NOTE_AUTHOR = 8;
    private static final int WORD_ENCRYPTED_FLAG = 0x0100;
    private static final String WORD_DOCUMENT = "WordDocument";

    @Override
    public List<String> scrub(Path input, Path output) throws Exception {
        if (Files.size(input) > MAX_FILE_BYTES) {
            throw new IOException("OLE file too big to rebuild");
        }
        Set<String> removed = new LinkedHashSet<>();
        try (POIFSFileSystem original = new POIFSFileSystem(input.toFile(), true);
             POIFSFileSystem copy = new POIFSFileSystem()) {
            if (original.getRoot().hasEntry(PACKAGE_STREAM)) {
                // An embedded package is a wrapper around a file of any kind and the path it came from.
                throw new IOException("OLE embedded package");
            }
            copyStorage(original.getRoot(), copy.getRoot(), removed);
            try (OutputStream out = Files.newOutputStream(output)) {
                copy.writeFilesystem(out);
            }
        } catch (RuntimeException broken) {
            // POIFS reports a damaged or non-OLE file with unchecked exceptions.
            throw new IOException("OLE structure broken", broken);
        }
        return new ArrayList<>(removed);
    }

    private static void copyStorage(DirectoryEntry from, DirectoryEntry to, Set<String> removed) throws Exception {
        to.setStorageClsid(from.getStorageClsid());
        // A Word document's names live in its table stream, found through the WordDocument stream's header.
        byte[] wordDocument = from.hasEntry(WORD_DOCUMENT) && from.getEntry(WORD_DOCUMENT) instanceof DocumentEntry word
                ? read(word) : null;
        if (wordDocument != null && wordDocument.length > 12 && (u16(wordDocument, 10) & WORD_ENCRYPTED_FLAG) != 0) {
            throw new EncryptedFileException();
        }
        String tableStream = wordDocument == null ? null : BlankWordNames.tableStreamName(wordDocument);
        for (Entry entry : from) {
            String name = entry.getName();
            if (ENCRYPTION_STREAMS.contains(name)) {
                throw new EncryptedFileException();
            }
            if (entry instanceof DirectoryEntry storage) {
                copyStorage(storage, to.createDirectory(name), removed);
            } else if (entry instanceof DocumentEntry stream) {
                if (!name.isEmpty() && name.charAt(0) == '\u0005') {
                    removed.add("OLE:" + propertySetName(name));
                } else if (name.equals(PACKAGE_STREAM)) {
                    removed.add("OLE:removed-embedded-package");
                } else {
                    byte[] content = read(stream);
                    if (name.equals(tableStream)) {
                        BlankWordNames.blank(wordDocument, content, removed);
                    }
                    to.createDocument(name, new java.io.ByteArrayInputStream(blankEditor(name, content, removed)));
                }
            }
        }
    }

    /** The stream with the name of whoever saved it last overwritten with spaces, the structure unchanged. */
    private static byte[] blankEditor(String name, byte[] content, Set<String> removed) throws Exception {
        if (name.equals("Workbook") || name.equals("Book")) {
            blankWriteAccess(content, removed);
        } else if (name.equals("Current User")) {
            blankCurrentUser(content, removed);
        }
        return content;
    }

    /**
     * BIFF8: WRITEACCESS in the globals holds the user name, padded to 112 bytes; each cell note's NOTE record in the
     * sheets holds its author's name; FILEPASS means encrypted. Names become spaces of the same width.
     */
    private static void blankWriteAccess(byte[] workbook, Set<String> removed) throws Exception {
        int at = 0;
        while (at + 4 <= workbook.length) {
            int type = u16(workbook, at);
            int length = u16(workbook, at + 2);
            int data = at + 4;
            if (data + length > workbook.length) {
                throw new IOException("BIFF record past the stream");
            }
            if (type == BIFF_FILEPASS) {
                throw new EncryptedFileException();
            }
            if (type == BIFF_WRITEACCESS && length >= 3) {
                // XLUnicodeString: cch, flag, characters; then padding. All of it becomes spaces of the same width.
                boolean wide = (workbook[data + 2] & 1) != 0;
                for (int i = data + 3; i < data + length; i++) {
                    workbook[i] = (byte) (wide && (i - data - 3) % 2 == 1 ? 0 : ' ');
                }
                removed.add("OLE:last-editor");
            }
            if (type == BIFF_NOTE && length >= NOTE_AUTHOR + 3) {
                // row, column, flags, object id, then the author as an XLUnicodeString.
                int characters = u16(workbook, data + NOTE_AUTHOR);
                boolean wide = (workbook[data + NOTE_AUTHOR + 2] & 1) != 0;
                int start = data + NOTE_AUTHOR + 3;
                int end = Math.min(data + length, start + characters * (wide ? 2 : 1));
                for (int i = start; i < end; i++) {
                    workbook[i] = (byte) (wide && (i - start) % 2 == 1 ? 0 : ' ');
                }
                if (characters > 0) {
                    removed.add("OLE:note-authors");
                }
            }
            at = data + length;
        }
    }

    /** CurrentUserAtom: the ANSI user name after a 20-byte head, the Unicode one after the release version. */
    private static void blankCurrentUser(byte[] stream, Set<String> removed) {
        int ansi = 8 + 20;
        if (stream.length < ansi) {
            return;
        }
        int nameLength = u16(stream, 8 + 12);
        for (int i = ansi; i < Math.min(stream.length, ansi + nameLength); i++) {
            stream[i] = ' ';
        }
        int unicode = ansi + nameLength + 4;
        for (int i = unicode; i < unicode + 2 * nameLength && i + 1 < stream.length; i += 2) {
            stream[i] = ' ';
            stream[i + 1] = 0;
        }
        if (nameLength > 0) {
            removed.add("OLE:last-editor");
        }
    }

    private static String propertySetName(String name) {
        String visible = name.substring(1);
        return visible.matches("[A-Za-z0-9]{1,40}") ? visible : "property-set";
    }

    private static byte[] read(DocumentEntry stream) throws IOException {
        if (stream.getSize() > MAX_FILE_BYTES) {
            throw new IOException("OLE stream too big");
        }
        try (InputStream in = new DocumentInputStream(stream)) {
            return in.readAllBytes();
        }
    }

    private static int u16(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) | ((bytes[at + 1] & 0xFF) << 8);
    }
}
