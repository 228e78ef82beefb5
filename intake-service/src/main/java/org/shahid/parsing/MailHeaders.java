package org.shahid.parsing;

import jakarta.mail.Header;
import jakarta.mail.Part;
import jakarta.mail.MessagingException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The top-level header fields of a mail as an immutable, case-insensitive view: values are unfolded, raw 8-bit
 * bytes are read as UTF-8 (else windows-1252), and RFC 2047 decoding happens only where asked. Thread-safe.
 */
public final class MailHeaders {

    private static final Pattern FIELD_NAME = Pattern.compile("[^\\s:\\p{Cntrl}]+");
    private static final Pattern FOLD = Pattern.compile("\\r?\\n(?=[ \\t])");
    private static final Pattern STRAY_LINE_BREAK = Pattern.compile("[\\r\\n]+");

    private final List<String> names;
    private final List<String> values;

    private MailHeaders(List<String> names, List<String> values) {
        this.names = Collections.unmodifiableList(names);
        this.values = Collections.unmodifiableList(values);
    }

    /** Header fields in order; each pair is {@code name, value} as it appears in the mail, folded or not. */
    public static MailHeaders of(List<String> namesInOrder, List<String> rawValuesInOrder) {
        if (namesInOrder.size() != rawValuesInOrder.size()) {
            throw new IllegalArgumentException("names and values differ in count");
        }
        List<String> names = new ArrayList<>(namesInOrder.size());
        List<String> values = new ArrayList<>(namesInOrder.size());
        for (int i = 0; i < namesInOrder.size(); i++) {
            names.add(CharsetFallback.repairRawHeader(namesInOrder.get(i).trim()));
            values.add(cleanValue(rawValuesInOrder.get(i)));
        }
        return new MailHeaders(names, values);
    }

    static MailHeaders of(Part part) throws MessagingException {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        Enumeration<Header> headers = part.getAllHeaders();
        while (headers.hasMoreElements()) {
            Header header = headers.nextElement();
            // Jakarta keeps a line without a colon as a "header" named after the whole line; it is not a field.
            if (header.getValue() != null && FIELD_NAME.matcher(header.getName()).matches()) {
                names.add(header.getName());
                values.add(header.getValue());
            }
        }
        return of(names, values);
    }

    /** Unfolds a raw header value and reads its 8-bit bytes; no RFC 2047 decoding. */
    public static String cleanValue(String rawValue) {
        if (rawValue == null) {
            return "";
        }
        String unfolded = FOLD.matcher(rawValue).replaceAll("");
        return CharsetFallback.repairRawHeader(STRAY_LINE_BREAK.matcher(unfolded).replaceAll(" ").trim());
    }

    public Optional<String> first(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).toLowerCase(Locale.ROOT).equals(key)) {
                return Optional.of(values.get(i));
            }
        }
        return Optional.empty();
    }

    public List<String> all(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        List<String> matching = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).toLowerCase(Locale.ROOT).equals(key)) {
                matching.add(values.get(i));
            }
        }
        return List.copyOf(matching);
    }

    /** The first value with RFC 2047 encoded-words decoded; a malformed word stays as raw text. */
    public Optional<String> firstDecoded(String name) {
        return first(name).map(EncodedWordDecoder::decode);
    }

    /** Field names in order of appearance, with duplicates, as spelled in the mail. */
    public List<String> names() {
        return names;
    }

    @Override
    public String toString() {
        // Header values carry the sender's identity; keep them out of logs that print this object.
        return "MailHeaders" + names;
    }
}
