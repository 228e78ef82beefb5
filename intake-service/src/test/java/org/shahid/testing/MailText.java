package org.shahid.testing;

import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** The text of a mail as its recipient reads it: every text part, decoded. Test-only. */
public final class MailText {

    private MailText() {
    }

    public static String of(Part part) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(of(multipart.getBodyPart(i))).append('\n');
            }
            return all.toString();
        }
        return part.isMimeType("text/*") ? part.getContent().toString() : "";
    }
}
