package org.shahid.intake;

import java.util.List;
import java.util.Optional;
import org.shahid.authentication.ReplyAddress;
import org.shahid.parsing.MailParser;
import org.shahid.parsing.ParsedMail;
import org.shahid.parsing.RawMail;
import org.shahid.parsing.UnparseableMailException;

/**
 * The parse step of intake: the lenient MIME reader, then what only the headers can tell (whether to answer at
 * all, whether the receiving server vouched for the sender). A header block over {@code shahid.limits.header-bytes}
 * is refused before any parsing: no real mail has one, and every rule that reads headers would pay for
 * it. The {@link Parsed} it returns is the last object of intake that holds the sender's identity in clear; {@link
 * MailIntake} hands it to sealing and redaction only.
 * Thread-safe.
 */
public final class ParseMail {

    private final MailParser parser;
    private final LoopGuard loopGuard;
    private final IsAuthenticatedSender authentication;
    private final int maxHeaderBytes;

    /** @param maxHeaderBytes the largest header block a mail may have ({@code shahid.limits.header-bytes}) */
    public ParseMail(MailParser parser, LoopGuard loopGuard, IsAuthenticatedSender authentication,
                     int maxHeaderBytes) {
        this.parser = parser;
        this.maxHeaderBytes = maxHeaderBytes;
        this.loopGuard = loopGuard;
        this.authentication = authentication;
    }

    /** A parsed mail with its sender's fields for the sealed identity, and the verdicts of the headers. */
    public record Parsed(ParsedMail mail, String replyAddress, String displayName, String originalHeaders,
                         Optional<String> automated, boolean authenticated) {

        @Override
        public String toString() {
            return "Parsed[" + mail + "]";
        }
    }

    public Parsed parse(byte[] raw) throws UnparseableMailException {
        RawMail split = RawMail.split(raw);
        if (split.headerBlock().length > maxHeaderBytes) {
            throw new QuarantineAtOnce("a header block of " + split.headerBlock().length
                    + " bytes, larger than the limit of " + maxHeaderBytes);
        }
        ParsedMail mail = parser.parse(raw);
        return new Parsed(mail, strictReplyAddress(mail),
                mail.from().map(from -> from.displayName()).orElse(""), split.headerText(),
                loopGuard.reasonNotToAnswer(mail), authentication.test(mail));
    }

    /**
     * The one From's addr-spec exactly as written, or "" (no From, several, or not exactly one valid mailbox):
     * Shahid answers only such an address, never one the lenient reader repaired or invented.
     */
    private static String strictReplyAddress(ParsedMail mail) {
        List<String> froms = mail.headers().all("From");
        return froms.size() == 1 ? ReplyAddress.strictlyFrom(froms.get(0)).orElse("") : "";
    }
}
