package org.shahid.language;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages Shahid reads and writes: to reporters, to monitors, in reports. Every language list in Shahid is
 * derived from this type, so adding a language is one value here plus its templates and keywords. The code is the BCP
 * 47 tag used in template file names
 * ({@code report-received.ckb.subject.ftl}) and in the database. Immutable and thread-safe.
 */
public enum Language {
    ENGLISH("en", false),
    ARABIC("ar", true),
    /** Central Kurdish (Sorani), written in Arabic script. */
    KURDISH_SORANI("ckb", true);

    private final String code;
    private final boolean rightToLeft;

    Language(String code, boolean rightToLeft) {
        this.code = code;
        this.rightToLeft = rightToLeft;
    }

    public String code() {
        return code;
    }

    public boolean rightToLeft() {
        return rightToLeft;
    }

    /** The HTML {@code dir} attribute value for this language. */
    public String direction() {
        return rightToLeft ? "rtl" : "ltr";
    }

    public static Optional<Language> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(language -> language.code.equals(wanted)).findFirst();
    }

    /** Every code, in declaration order. */
    public static List<String> codes() {
        return Arrays.stream(values()).map(Language::code).toList();
    }

    /** The codes as a person reads them in a message: {@code en, ar or ckb}. */
    public static String listed() {
        List<String> codes = codes();
        return String.join(", ", codes.subList(0, codes.size() - 1)) + " or " + codes.get(codes.size() - 1);
    }
}
