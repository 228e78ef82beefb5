package org.shahid.parsing;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimePart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Repairs a body part whose header block runs straight into its content without a blank line, which makes Jakarta
 * Mail read the first content lines as header fields: those lines are moved back in front of the content.
 * Stateless, thread-safe.
 */
final class PartHeaderRepair {

    private static final Pattern FIELD_NAME = Pattern.compile("[^\\s:\\p{Cntrl}]+");

    private PartHeaderRepair() {
    }

    static MimePart withBodyLinesOutOfItsHeader(MimePart part, Consumer<String> problems)
            throws MessagingException, IOException {
        if (!(part instanceof MimeBodyPart bodyPart)) {
            return part; // a message's own header block is framed before Jakarta reads it
        }
        List<String> lines = Collections.list(bodyPart.getAllHeaderLines());
        int firstBodyLine = firstLineThatIsNoField(lines);
        // A stray boundary line ("--b") before the fields belongs to an empty part; Jakarta skips it well enough.
        if (firstBodyLine <= 0 || lines.get(firstBodyLine).startsWith("--")) {
            return part;
        }
        problems.accept("part header block not ended by a blank line, the rest kept as content");
        InternetHeaders fields = new InternetHeaders();
        lines.subList(0, firstBodyLine).forEach(fields::addHeaderLine);
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (String line : lines.subList(firstBodyLine, lines.size())) {
            // Header lines hold one character per raw byte (ISO-8859-1), so this restores the bytes exactly.
            content.writeBytes((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        try (InputStream rest = bodyPart.getRawInputStream()) {
            rest.transferTo(content);
        }
        return new MimeBodyPart(fields, content.toByteArray());
    }

    private static int firstLineThatIsNoField(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            int colon = lines.get(i).indexOf(':');
            boolean field = colon > 0 && FIELD_NAME.matcher(lines.get(i).substring(0, colon).stripTrailing()).matches();
            if (!field) {
                return i;
            }
        }
        return -1;
    }
}
