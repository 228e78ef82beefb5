package org.shahid.parsing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** One fixture per case under src/test/resources/mail, named for the case. */
class MailParserTest {

    private static final MailParser PARSER = new MailParser(MailLimits.DEFAULTS);

    @Test
    void decodesWindows1256BodyOfArabicReport() throws Exception {
        ParsedMail mail = parse("arabic-windows-1256-with-pdf.eml");

        assertThat(mail.text()).isEqualTo("تم شراء الأصوات أمام مركز الاقتراع رقم 12.\nرأيت ذلك بنفسي صباح اليوم.");
        assertThat(mail.subject()).isEqualTo("بلاغ عن شراء أصوات");
        assertThat(mail.from()).contains(new MailAddress("Observer@example.org", "مراقب"));
        assertThat(mail.messageId()).contains("arabic-1256-pdf@example.org");
        assertThat(mail.sanitizedHtml()).isNull();
        assertThat(mail.problems()).isEmpty();
        assertThat(mail.rawSize()).isEqualTo(fixture("arabic-windows-1256-with-pdf.eml").length);
    }

    @Test
    void keepsPdfAttachedToArabicReport() throws Exception {
        ParsedAttachment pdf = parse("arabic-windows-1256-with-pdf.eml").attachments().get(0);

        assertThat(pdf.fileName()).isEqualTo("evidence.pdf");
        assertThat(pdf.declaredType()).isEqualTo("application/pdf");
        assertThat(pdf.disposition()).isEqualTo("attachment");
        assertThat(pdf.kept()).isTrue();
        assertThat(pdf.note()).isNull();
        assertThat(pdf.size()).isEqualTo(592);
        assertThat(pdf.content()).hasSize(592);
        assertThat(new String(pdf.content(), StandardCharsets.US_ASCII)).startsWith("%PDF-1.4\n").endsWith("%%EOF\n");
    }

    @Test
    void readsKurdishHtmlOnlyMailAsTextWithParagraphsAndLinkTargets() throws Exception {
        ParsedMail mail = parse("kurdish-html-only-utf8.eml");

        assertThat(mail.subject()).isEqualTo("ڕاپۆرت");
        assertThat(mail.text()).isEqualTo("""
                هێزە ئەمنییەکان ڕێگەیان لە چاودێران گرت.

                لە گوندی کۆڵان
                بنکەی ژمارە ٧

                سەیری ئەم ڤیدیۆیە (https://example.org/video/7) بکە""");
        assertThat(mail.problems()).isEmpty();
    }

    @Test
    void sanitizesKurdishHtmlWithoutImagesScriptsOrHead() throws Exception {
        String html = parse("kurdish-html-only-utf8.eml").sanitizedHtml();

        assertThat(html).isEqualTo("<p>هێزە ئەمنییەکان ڕێگەیان لە چاودێران گرت.</p><p>لە گوندی کۆڵان<br>بنکەی ژمارە ٧</p>"
                + "<p>سەیری <a href=\"https://example.org/video/7\" rel=\"nofollow\">ئەم ڤیدیۆیە</a> بکە</p>");
        assertThat(html).doesNotContain("<img", "tracker.example", "<script", "alert", "<style");
    }

    @Test
    void decodesArabicIso88596Body() throws Exception {
        ParsedMail mail = parse("arabic-iso-8859-6.eml");

        assertThat(mail.text()).isEqualTo("صناديق الاقتراع فتحت متأخرة ساعتين.\nالمراقبون منعوا من الدخول.");
        assertThat(mail.from()).contains(new MailAddress("observer@example.org", "Observer"));
        assertThat(mail.problems()).isEmpty();
    }

    @Test
    void decodesRfc2231FileNameSplitIntoContinuations() throws Exception {
        ParsedMail mail = parse("rfc2231-filename.eml");

        assertThat(mail.text()).isEqualTo("See the attached list.");
        assertThat(mail.attachments()).singleElement().satisfies(list -> {
            assertThat(list.fileName()).isEqualTo("تقرير-المركز-١٢.txt");
            assertThat(list.declaredType()).isEqualTo("text/plain");
            assertThat(new String(list.content(), StandardCharsets.UTF_8)).isEqualTo("12 names");
        });
    }

    @Test
    void appendsForwardedMessageAsQuotedSectionAndCollectsItsAttachments() throws Exception {
        ParsedMail mail = parse("nested-forwarded-message.eml");

        assertThat(mail.text()).isEqualTo("""
                I received this threat yesterday.

                ---------- Forwarded message ----------
                From: Threatener <boss@party.example>
                Date: Sat, 31 Oct 2026 20:00:00 +0300
                Subject: تحذير

                > سنعرف لمن صوّت.""");
        assertThat(mail.attachments()).singleElement().satisfies(photo -> {
            assertThat(photo.fileName()).isEqualTo("photo.png");
            assertThat(photo.declaredType()).isEqualTo("image/png");
            assertThat(photo.size()).isEqualTo(66);
            assertThat(photo.kept()).isTrue();
        });
        assertThat(mail.from()).map(MailAddress::address).contains("forwarder@example.org");
        assertThat(mail.problems()).isEmpty();
    }

    @Test
    void readsThreadingIdsWithoutAngleBrackets() throws Exception {
        ParsedMail mail = parse("nested-forwarded-message.eml");

        assertThat(mail.messageId()).contains("outer@example.org");
        assertThat(mail.inReplyTo()).containsExactly("earlier@example.org");
        assertThat(mail.references()).containsExactly("first@example.org", "earlier@example.org");
    }

    @Test
    void givesEmptyTextAndNoHtmlForMailWithoutBody() throws Exception {
        ParsedMail mail = parse("no-body-at-all.eml");

        assertThat(mail.text()).isEmpty();
        assertThat(mail.sanitizedHtml()).isNull();
        assertThat(mail.attachments()).isEmpty();
        assertThat(mail.subject()).isEqualTo("(empty)");
        assertThat(mail.messageId()).contains("no-brackets@example.org");
        assertThat(mail.problems()).isEmpty();
    }

    @Test
    void stripsDirectoriesControlCharactersAndLeadingDotsFromFileNames() throws Exception {
        List<ParsedAttachment> attachments = parse("path-traversal-filename.eml").attachments();

        assertThat(attachments).extracting(ParsedAttachment::fileName).containsExactly(
                "passwd",
                "evil.exe",
                "reportfdp.exe",
                "hiddenname",
                "attachment-5.pdf",
                "a".repeat(116) + ".jpg");
        assertThat(attachments).extracting(ParsedAttachment::declaredType).containsExactly(
                "text/plain", "application/octet-stream", "application/octet-stream", "text/plain",
                "application/pdf", "image/jpeg");
    }

    @Test
    void listsAttachmentsBeyondTheLimitsWithoutContent() throws Exception {
        ParsedMail mail = parse("too-many-attachments.eml", new MailLimits(2, 10, 10));

        assertThat(mail.text()).isEqualTo("Four files attached.");
        assertThat(mail.attachments()).extracting(ParsedAttachment::fileName, ParsedAttachment::size,
                ParsedAttachment::kept, ParsedAttachment::note).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("one.txt", 5L, true, null),
                        org.assertj.core.groups.Tuple.tuple("two.bin", 20L, false,
                                "exceeds the attachment size limit of 10 bytes"),
                        org.assertj.core.groups.Tuple.tuple("three.txt", 3L, false,
                                "beyond the limit of 2 attachments"),
                        org.assertj.core.groups.Tuple.tuple("attachment-4.png", 66L, false,
                                "beyond the limit of 2 attachments"));
        assertThat(mail.attachments()).filteredOn(attachment -> !attachment.kept())
                .allSatisfy(attachment -> assertThat(attachment.content()).isNull());
        assertThat(mail.attachments().get(3).disposition()).isEqualTo("inline");
        assertThat(mail.attachments().get(3).contentId()).isEqualTo("dot@example.org");
        assertThat(mail.problems()).containsExactly("more than 2 attachments, the rest listed without content");
    }

    @Test
    void joinsEncodedWordsThatSplitAnArabicCharacter() throws Exception {
        ParsedMail mail = parse("encoded-word-subject-arabic.eml");

        assertThat(mail.subject()).isEqualTo("مخالفة انتخابية في الموصل [2026]");
        assertThat(mail.from()).contains(new MailAddress("Sara@example.org", "سارة"));
        assertThat(mail.text()).isEqualTo("See subject.");
    }

    @Test
    void fallsBackToUtf8ForAnUnknownCharsetAndSaysSo() throws Exception {
        ParsedMail mail = parse("unknown-charset-label.eml");

        assertThat(mail.text()).isEqualTo("تزوير");
        assertThat(mail.problems()).containsExactly("unknown charset x-unknown, decoded as UTF-8");
    }

    @Test
    void readsKsC56011987AsWindowsCodePage949() throws Exception {
        ParsedMail mail = parse("korean-ks-c-5601-1987.eml");

        // 똠 exists in code page 949 but not in EUC-KR, which Java would pick for this label.
        assertThat(mail.text()).isEqualTo("투표소 똠방각하");
        assertThat(mail.problems()).isEmpty();
    }

    @Test
    void readsRaw8BitHeadersAsUtf8ElseWindows1252() throws Exception {
        ParsedMail mail = parse("raw-8bit-headers.eml");

        assertThat(mail.subject()).isEqualTo("تزوير في الفرز");
        assertThat(mail.from()).contains(new MailAddress("ahmad@example.org", "أحمد"));
        assertThat(mail.headers().first("Comments")).contains("Café");
        assertThat(mail.headers().firstDecoded("Keywords")).contains("=?NONE?B?VEVTVA=?=");
    }

    @Test
    void keepsBodyAsTextWhenMultipartBoundaryIsMissing() throws Exception {
        ParsedMail mail = parse("missing-multipart-boundary.eml");

        assertThat(mail.text()).isEqualTo("Plain text where parts should be.");
        assertThat(mail.problems()).containsExactly("missing multipart boundary, body kept as text");
    }

    @Test
    void keepsForwardsNestedDeeperThanTheLimitAsAnAttachment() throws Exception {
        ParsedMail mail = parse("deeply-nested-forwards.eml", new MailLimits(20, 1000, 3));

        assertThat(mail.problems()).containsExactly("forwarded message nested deeper than 3 levels, kept as an attachment");
        assertThat(mail.text()).isEqualTo("""
                ---------- Forwarded message ----------
                From: hop4@example.org
                Subject: level 4

                > ---------- Forwarded message ----------
                > From: hop3@example.org
                > Subject: level 3
                >
                > > ---------- Forwarded message ----------
                > > From: hop2@example.org
                > > Subject: level 2""");
        assertThat(mail.attachments()).singleElement().satisfies(cut -> {
            assertThat(cut.fileName()).isEqualTo("attachment-1.eml");
            assertThat(cut.declaredType()).isEqualTo("message/rfc822");
            assertThat(new String(cut.content(), StandardCharsets.US_ASCII)).startsWith("From: hop1@example.org");
        });
    }

    @Test
    void prefersPlainTextAndCleansTheHtmlAlternative() throws Exception {
        ParsedMail mail = parse("alternative-plain-and-html.eml");

        assertThat(mail.text()).isEqualTo("Plain version.");
        assertThat(mail.sanitizedHtml()).isEqualTo(
                "<p>HTML <b>version</b> <a href=\"https://example.org/x\" rel=\"nofollow\">link</a></p>");
    }

    @Test
    void decodesUuencodedAttachment() throws Exception {
        ParsedAttachment uuencoded = parse("uuencoded-attachment.eml").attachments().get(0);
        ParsedAttachment base64 = parse("arabic-windows-1256-with-pdf.eml").attachments().get(0);

        assertThat(uuencoded.fileName()).isEqualTo("old.pdf");
        assertThat(uuencoded.content()).isEqualTo(base64.content());
    }

    @Test
    void cutsUuencodedFilesOutOfTheBodyTextIntoAttachments() throws Exception {
        ParsedMail mail = parse("uuencoded-in-text-body.eml");
        ParsedAttachment photo = parse("nested-forwarded-message.eml").attachments().get(0);

        assertThat(mail.text()).isEqualTo("Photo of the ballot box below.\n\nRegards");
        assertThat(mail.attachments()).singleElement().satisfies(uudecoded -> {
            assertThat(uudecoded.fileName()).isEqualTo("ballot box.png");
            assertThat(uudecoded.declaredType()).isEqualTo("application/octet-stream");
            assertThat(uudecoded.content()).isEqualTo(photo.content());
        });
    }

    @Test
    void keepsBodyLinesThatFollowPartFieldsWithoutABlankLine() throws Exception {
        ParsedMail mail = parse("part-header-without-blank-line.eml");

        assertThat(mail.text()).isEqualTo("Ballot boxes were sealed late.");
        assertThat(mail.problems()).containsExactly("part header block not ended by a blank line, the rest kept as content");
    }

    @Test
    void keepsTextWithoutAnyHeaderFieldsAsBody() throws Exception {
        ParsedMail mail = PARSER.parse("just a note\nwith two lines\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(mail.text()).isEqualTo("just a note\nwith two lines");
        assertThat(mail.from()).isEmpty();
        assertThat(mail.problems()).containsExactly("no header fields, the whole input kept as body text",
                "no From field");
    }

    @Test
    void cutsMultipartsNestedThousandsOfLevelsDeepWithoutOverflowingTheStack() {
        StringBuilder raw = new StringBuilder("From: observer@example.org\r\n");
        int levels = 5000;
        for (int level = 0; level < levels; level++) {
            raw.append("Content-Type: multipart/mixed; boundary=b").append(level).append("\r\n\r\n--b").append(level)
                    .append("\r\n");
        }
        raw.append("Content-Type: text/plain\r\n\r\ndeep\r\n");

        ParsedMail mail = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> PARSER.parse(raw.toString().getBytes(StandardCharsets.US_ASCII)));

        assertThat(mail.problems()).contains("multipart nested deeper than 10 levels, its parts skipped");
        assertThat(mail.text()).isEmpty();
    }

    @Test
    void cutsForwardsNestedThousandsOfLevelsDeepWithoutOverflowingTheStack() {
        String raw = "From: observer@example.org\r\nContent-Type: message/rfc822\r\n\r\n".repeat(5000) + "\r\nend";

        ParsedMail mail = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> PARSER.parse(raw.getBytes(StandardCharsets.US_ASCII)));

        assertThat(mail.problems())
                .containsExactly("forwarded message nested deeper than 10 levels, kept as an attachment");
        assertThat(mail.attachments()).singleElement()
                .satisfies(cut -> assertThat(cut.declaredType()).isEqualTo("message/rfc822"));
    }

    @Test
    void refusesEmptyInput() {
        assertThatThrownBy(() -> PARSER.parse(new byte[0]))
                .isInstanceOf(UnparseableMailException.class).hasMessage("empty input");
    }

    @Test
    void refusesInputWithNeitherHeaderFieldsNorBody() {
        assertThatThrownBy(() -> PARSER.parse(" \r\n\r\n\t".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(UnparseableMailException.class).hasMessage("no header fields and no body");
    }

    @Test
    void refusesBinaryInputWithoutHeaderFields() {
        byte[] binary = {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

        assertThatThrownBy(() -> PARSER.parse(binary))
                .isInstanceOf(UnparseableMailException.class).hasMessage("no header fields and binary content");
    }

    @Test
    void neverNamesTheSenderInProblemsOrNotes() throws Exception {
        for (String fixture : List.of("raw-8bit-headers.eml", "too-many-attachments.eml",
                "unknown-charset-label.eml", "missing-multipart-boundary.eml")) {
            ParsedMail mail = parse(fixture, new MailLimits(2, 10, 10));
            String sender = mail.from().orElseThrow().address();
            String localPart = sender.substring(0, sender.indexOf('@'));
            assertThat(mail.problems()).noneMatch(problem -> problem.contains(localPart));
            assertThat(mail.attachments()).extracting(ParsedAttachment::note)
                    .noneMatch(note -> note != null && note.contains(localPart));
        }
    }

    @Test
    void parsesConcurrentlyWithOneSharedParser() throws Exception {
        byte[] raw = fixture("nested-forwarded-message.eml");
        String expected = PARSER.parse(raw).text();

        List<String> texts = IntStream.range(0, 64).parallel().mapToObj(i -> {
            try {
                return PARSER.parse(raw).text();
            } catch (UnparseableMailException e) {
                throw new AssertionError(e);
            }
        }).toList();

        assertThat(texts).containsOnly(expected);
    }

    private static ParsedMail parse(String fixture) throws Exception {
        return PARSER.parse(fixture(fixture));
    }

    private static ParsedMail parse(String fixture, MailLimits limits) throws Exception {
        return new MailParser(limits).parse(fixture(fixture));
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = MailParserTest.class.getResourceAsStream("/mail/" + name)) {
            if (in == null) {
                throw new IOException("missing test fixture " + name);
            }
            return in.readAllBytes();
        }
    }
}
