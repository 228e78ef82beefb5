package org.shahid.testing;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;

/** The parts of a mail Shahid sent with files (multipart/mixed around multipart/alternative), as tests read them. */
public final class MailParts {

    private MailParts() {
    }

    /** The plain-text body. */
    public static String textOf(MimeMessage mail) throws Exception {
        Multipart mixed = (Multipart) mail.getContent();
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        return alternative.getBodyPart(0).getContent().toString();
    }

    /** The parts sent as attachments, in order; none for a mail without files. */
    public static List<Part> attachments(MimeMessage mail) throws Exception {
        List<Part> files = new ArrayList<>();
        if (mail.getContent() instanceof Multipart mixed) {
            for (int i = 0; i < mixed.getCount(); i++) {
                if (Part.ATTACHMENT.equalsIgnoreCase(mixed.getBodyPart(i).getDisposition())) {
                    files.add(mixed.getBodyPart(i));
                }
            }
        }
        return files;
    }

    public static byte[] bytes(Part part) throws Exception {
        try (var in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
