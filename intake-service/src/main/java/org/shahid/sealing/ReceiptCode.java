package org.shahid.sealing;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A receipt code such as {@code 4821-0937-5562-1048}: 16 random digits (about 53 bits) from {@link SecureRandom},
 * easy to type on any phone keyboard, given once in the first acknowledgement so that a reporter can follow up from
 * another address. Only its keyed hash is stored. Immutable and thread-safe.
 */
public record ReceiptCode(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String D = "[0-9\\u0660-\\u0669\\u06F0-\\u06F9]";
    private static final String SEP = "[\\s\\-\\u2010-\\u2015]?";
    /** Four groups of four digits in any of the three digit scripts, grouped by spaces, dashes or nothing. */
    static final Pattern SHAPE = Pattern.compile("(?<!" + D + ")(" + D + "{4})" + SEP + "(" + D + "{4})" + SEP
            + "(" + D + "{4})" + SEP + "(" + D + "{4})(?!" + D + ")");
    /** Where a code is looked for: the subject and the first lines, before any quoted text. */
    private static final int LINES_SEARCHED = 10;

    public static ReceiptCode random() {
        StringBuilder digits = new StringBuilder(19);
        for (int group = 0; group < 4; group++) {
            if (group > 0) {
                digits.append('-');
            }
            digits.append(String.format("%04d", RANDOM.nextInt(10_000)));
        }
        return new ReceiptCode(digits.toString());
    }

    /** The first code-shaped string in the subject or the first lines of the text, in canonical form. */
    public static Optional<ReceiptCode> findIn(String subject, String text) {
        String head = subject + "\n" + String.join("\n", text.lines().limit(LINES_SEARCHED).toList());
        Matcher found = SHAPE.matcher(head);
        if (!found.find()) {
            return Optional.empty();
        }
        return Optional.of(new ReceiptCode(westernDigits(found.group(1)) + "-" + westernDigits(found.group(2)) + "-"
                + westernDigits(found.group(3)) + "-" + westernDigits(found.group(4))));
    }

    /** Replaces every code-shaped string: a monitor who saw the code could follow up as the reporter. */
    static String redactIn(String text, String placeholder) {
        return text == null ? null : SHAPE.matcher(text).replaceAll(Matcher.quoteReplacement(placeholder));
    }

    private static String westernDigits(String digits) {
        StringBuilder out = new StringBuilder(digits.length());
        digits.codePoints().forEach(c -> out.append((char) ('0' + Character.digit(c, 10))));
        return out.toString();
    }

    @Override
    public String toString() {
        return "ReceiptCode[hidden]";
    }
}
