package org.shahid.outbound;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages Shahid writes to reporters in. The code is the BCP 47 tag used in template file names
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
}
