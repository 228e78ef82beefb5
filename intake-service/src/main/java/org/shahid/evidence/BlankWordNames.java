package org.shahid.evidence;

import java.io.IOException;
import java.util.Set;

/**
 * Overwrites with spaces, in a legacy Word document's table stream, the lists that name people and their folders:
 * revision authors ({@code SttbfRMark}), comment authors ({@code GrpXstAtnOwners}), the last savers with their file
 * paths ({@code SttbSavedBy}) and the associated strings (template path, title, author, last author:
 * {@code SttbfAssoc}). Each string keeps its length and place, so every offset the file holds stays right and Word
 * reads the copy as before, with blank names. The places are found through the file information block at the start
 * of the {@code WordDocument} stream ([MS-DOC] 2.5.1). Used by {@link ScrubOle}. Stateless and thread-safe.
 */
final class BlankWordNames {

    /** Indexes of the pairs (offset, length) in the FIB's FibRgFcLcb97 array, as [MS-DOC] 2.5.6 numbers them. */
    private static final int STTBF_ASSOC = 32;
    private static final int GRPXST_ATN_OWNERS = 36;
    private static final int STTBF_RMARK = 51;
    private static final int STTB_SAVED_BY = 71;
    private static final int FIB_BASE_BYTES = 32;
    private static final int WHICH_TABLE_STREAM_FLAG = 0x0200;
    private static final int EXTENDED_STRINGS = 0xFFFF;

    private BlankWordNames() {
    }

    /** The table stream this document uses: {@code 1Table} or {@code 0Table}. */
    static String tableStreamName(byte[] wordDocument) throws IOException {
        need(wordDocument, 0, FIB_BASE_BYTES);
        return (u16(wordDocument, 10) & WHICH_TABLE_STREAM_FLAG) != 0 ? "1Table" : "0Table";
    }

    /** Blanks the lists in {@code table} (changed in place) and names what it blanked in {@code removed}. */
    static void blank(byte[] wordDocument, byte[] table, Set<String> removed) throws IOException {
        int csw = u16(need(wordDocument, FIB_BASE_BYTES, 2), FIB_BASE_BYTES);
        int cslwAt = FIB_BASE_BYTES + 2 + csw * 2;
        int cslw = u16(need(wordDocument, cslwAt, 2), cslwAt);
        int countAt = cslwAt + 2 + cslw * 4;
        int pairs = u16(need(wordDocument, countAt, 2), countAt);
        int blob = countAt + 2;
        if (blankStrings(wordDocument, blob, pairs, STTBF_RMARK, table)) {
            removed.add("Word:revision-authors");
        }
        if (blankOwners(wordDocument, blob, pairs, table)) {
            removed.add("Word:comment-authors");
        }
        if (blankStrings(wordDocument, blob, pairs, STTB_SAVED_BY, table)) {
            removed.add("Word:saved-by");
        }
        if (blankStrings(wordDocument, blob, pairs, STTBF_ASSOC, table)) {
            removed.add("Word:associated-strings");
        }
    }

    /** An STTB: a count, the size of the extra data, then each string with its length and extra data. */
    private static boolean blankStrings(byte[] fib, int blob, int pairs, int index, byte[] table) throws IOException {
        int[] place = place(fib, blob, pairs, index, table);
        if (place == null) {
            return false;
        }
        int at = place[0];
        int end = place[0] + place[1];
        boolean extended = u16(table, at) == EXTENDED_STRINGS;
        if (extended) {
            at += 2;
        }
        int count = u16(need(table, at, 4, end), at);
        int extra = u16(table, at + 2);
        at += 4;
        boolean blanked = false;
        for (int i = 0; i < count; i++) {
            int characters;
            if (extended) {
                characters = u16(need(table, at, 2, end), at);
                at += 2;
                need(table, at, characters * 2 + extra, end);
                for (int c = 0; c < characters; c++) {
                    table[at + 2 * c] = ' ';
                    table[at + 2 * c + 1] = 0;
                }
                at += characters * 2 + extra;
            } else {
                need(table, at, 1, end);
                characters = table[at] & 0xFF;
                at += 1;
                need(table, at, characters + extra, end);
                java.util.Arrays.fill(table, at, at + characters, (byte) ' ');
                at += characters + extra;
            }
            blanked |= characters > 0;
        }
        return blanked;
    }

    /** GrpXstAtnOwners: one string after the other (a length, then UTF-16 characters) up to its end. */
    private static boolean blankOwners(byte[] fib, int blob, int pairs, byte[] table) throws IOException {
        int[] place = place(fib, blob, pairs, GRPXST_ATN_OWNERS, table);
        if (place == null) {
            return false;
        }
        int at = place[0];
        int end = place[0] + place[1];
        boolean blanked = false;
        while (at + 2 <= end) {
            int characters = u16(table, at);
            at += 2;
            need(table, at, characters * 2, end);
            for (int c = 0; c < characters; c++) {
                table[at + 2 * c] = ' ';
                table[at + 2 * c + 1] = 0;
            }
            at += characters * 2;
            blanked |= characters > 0;
        }
        return blanked;
    }

    /** Offset and length of one list in the table stream, or null when the document has none. */
    private static int[] place(byte[] fib, int blob, int pairs, int index, byte[] table) throws IOException {
        if (index >= pairs) {
            return null;
        }
        int at = blob + index * 8;
        need(fib, at, 8);
        long offset = u32(fib, at);
        long length = u32(fib, at + 4);
        if (length == 0) {
            return null;
        }
        if (offset + length > table.length) {
            throw new IOException("Word table list past its stream");
        }
        return new int[] {(int) offset, (int) length};
    }

    private static byte[] need(byte[] bytes, int at, int count) throws IOException {
        return need(bytes, at, count, bytes.length);
    }

    private static byte[] need(byte[] bytes, int at, int count, int end) throws IOException {
        if (at < 0 || count < 0 || (long) at + count > Math.min(end, bytes.length)) {
            throw new IOException("Word structure past its end");
        }
        return bytes;
    }

    private static int u16(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) | ((bytes[at + 1] & 0xFF) << 8);
    }

    private static long u32(byte[] bytes, int at) {
        return (u16(bytes, at) | ((long) u16(bytes, at + 2) << 16)) & 0xFFFF_FFFFL;
    }
}
