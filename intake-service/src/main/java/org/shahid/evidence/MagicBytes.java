package org.shahid.evidence;

import java.nio.charset.StandardCharsets;

/** Whether a file's content opens with a format's signature (its "magic bytes"), e.g. {@code %PDF}. Stateless. */
final class MagicBytes {

    private MagicBytes() {
    }

    /** True when {@code content} starts with {@code signature}, read one byte per character (ISO-8859-1). */
    static boolean startsWith(byte[] content, String signature) {
        byte[] wanted = signature.getBytes(StandardCharsets.ISO_8859_1);
        if (content.length < wanted.length) {
            return false;
        }
        for (int i = 0; i < wanted.length; i++) {
            if (content[i] != wanted[i]) {
                return false;
            }
        }
        return true;
    }
}
