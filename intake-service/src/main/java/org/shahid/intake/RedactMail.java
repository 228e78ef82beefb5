package org.shahid.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.shahid.sealing.RedactIdentity;
import org.shahid.sealing.ReceiptCode;
import org.shahid.parsing.ParsedAttachment;
import org.shahid.parsing.ParsedMail;
import org.shahid.sealing.RedactionTerms;
import org.shahid.sealing.ReporterFreeMail;

/**
 * The redact step of intake, the last one that sees the parsed mail: makes the {@link ReporterFreeMail} every
 * later step works on. Text, subject and HTML pass {@link RedactIdentity}, attachment names pass the same terms,
 * message ids become keyed hashes (their host part can name the sender's machine) except those Shahid minted.
 * Reads {@code shahid.domain} (given at construction). Thread-safe.
 */
public final class RedactMail {

    private static final RedactIdentity REDACTION = new RedactIdentity();
    /** In-Reply-To and the newest References: enough for any client's threading, bounded for hostile mail. */
    private static final int MAX_REFERENCES = 20;

    private final UnaryOperator<String> hashOfMessageId;
    private final String ownIdSuffix;
    private final Function<String, Optional<String>> controlLine;

    /** @param controlLine the mail's first line when it is a reporter's control word (withdraw, erase), else empty */
    public RedactMail(UnaryOperator<String> hashOfMessageId, String ownDomain,
                      Function<String, Optional<String>> controlLine) {
        this.hashOfMessageId = hashOfMessageId;
        this.controlLine = controlLine;
        this.ownIdSuffix = "@" + ownDomain.toLowerCase(Locale.ROOT);
    }

    public ReporterFreeMail redact(ParsedMail mail, RedactionTerms terms, Optional<String> automated,
                                   boolean authenticated) {
        RedactIdentity.Redacted copy = REDACTION.redact(mail, terms);
        List<ParsedAttachment> attachments = mail.attachments().stream()
                .map(attachment -> withName(attachment, terms.replaceInFileName(attachment.fileName())))
                .toList();
        List<String> referenced = referencedIds(mail);
        return new ReporterFreeMail(copy.subject(), copy.text(), copy.html(), attachments,
                mail.messageId().map(hashOfMessageId).orElse(null),
                referenced.stream().map(hashOfMessageId).toList(),
                referenced.stream().filter(id -> id.toLowerCase(Locale.ROOT).endsWith(ownIdSuffix)).toList(),
                ReceiptCode.findIn(mail.subject(), mail.text()).map(ReceiptCode::value),
                mail.problems().stream().map(terms::replaceIn).toList(), automated, authenticated,
                controlLine.apply(mail.text()));
    }

    private static ParsedAttachment withName(ParsedAttachment attachment, String name) {
        return name.equals(attachment.fileName()) ? attachment
                : new ParsedAttachment(name, attachment.declaredType(), attachment.disposition(), attachment.content(),
                        attachment.size(), attachment.kept(), attachment.note(), attachment.contentId());
    }

    /** In-Reply-To first (the direct parent), then References from the newest. */
    private static List<String> referencedIds(ParsedMail mail) {
        List<String> ids = new ArrayList<>(mail.inReplyTo());
        List<String> references = new ArrayList<>(mail.references());
        java.util.Collections.reverse(references);
        references.stream().filter(id -> !ids.contains(id)).forEach(ids::add);
        return ids.stream().limit(MAX_REFERENCES).toList();
    }
}
