package org.shahid.sealing;

import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** The decoded text of every text part of a mail, for tests that read what a reporter received. */
final class ReceiptBodies {

    private ReceiptBodies() {
    }

    static String textOf(Part part) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(textOf(multipart.getBodyPart(i))).append('\n');
            }
            return all.toString();
        }
        return part.isMimeType("text/*") ? part.getContent().toString() : "";
    }
}
