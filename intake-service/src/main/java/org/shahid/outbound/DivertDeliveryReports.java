package org.shahid.outbound;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.shahid.authentication.SenderMetrics;
import org.shahid.intake.DeliveryReportDiversion;
import org.shahid.kernel.IntakeMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes bounces and delay notices of Shahid's own mail out of intake before they can become a ticket: called by
 * {@code IngestMail} for every mail. A mail is diverted when it arrived at the bounces mailbox (whatever it is), or
 * when it is a delivery report ({@link DeliveryReport}) that names a mail Shahid sent, by its VERP envelope address
 * ({@link VerpAddress}) or by a Message-ID in the outbox. A bounce marks that outbox row BOUNCED, a delay notice
 * only counts; the report itself is discarded (its text quotes the recipient's address), and only the outbox
 * row's id is logged. Thread-safe.
 */
public final class DivertDeliveryReports implements DeliveryReportDiversion {

    private static final Logger LOG = LoggerFactory.getLogger(DivertDeliveryReports.class);
    private static final int MAX_HEADER_CHARS = 64 * 1024;

    private final Jdbi jdbi;
    private final VerpAddress verp;
    private final String bouncesMailbox;
    private final Clock clock;

    public DivertDeliveryReports(Jdbi jdbi, VerpAddress verp, String bouncesMailbox, Clock clock) {
        this.jdbi = jdbi;
        this.verp = verp;
        this.bouncesMailbox = bouncesMailbox;
        this.clock = clock;
    }

    @Override
    public boolean divert(String mailboxName, byte[] raw) {
        boolean atBounces = mailboxName.equals(bouncesMailbox);
        Optional<Long> byEnvelope = verp.outboxIdIn(headerBlock(raw));
        if (!atBounces && byEnvelope.isEmpty() && !mightBeReport(raw)) {
            return false;
        }
        DeliveryReport report = DeliveryReport.read(raw);
        Optional<Long> outboxId = report.isReport() ? byEnvelope.or(() -> byMessageId(report)) : Optional.empty();
        if (outboxId.isEmpty()) {
            if (atBounces) {
                SenderMetrics.deliveryReport("UNMATCHED");
                LOG.info("A mail at the bounces mailbox names no mail Shahid sent (or is no delivery report);"
                        + " discarded");
            }
            return atBounces;
        }
        record(outboxId.get(), report.delayOnly());
        return true;
    }

    private void record(long outboxId, boolean delayOnly) {
        if (delayOnly) {
            jdbi.useHandle(handle -> handle.createUpdate(
                            "UPDATE outbox SET delay_notices = delay_notices + 1 WHERE id = :id")
                    .bind("id", outboxId).execute());
            SenderMetrics.deliveryReport("DELAYED");
            LOG.info("Delivery report: outbox mail {} is delayed", outboxId);
            return;
        }
        Optional<String> purpose = jdbi.inTransaction(handle -> {
            int changed = handle.createUpdate("""
                            UPDATE outbox SET status = 'BOUNCED', bounced_at = :now
                            WHERE id = :id AND status = 'SENT'""")
                    .bind("id", outboxId)
                    .bind("now", clock.instant())
                    .execute();
            return changed == 0 ? Optional.<String>empty() : handle.createQuery(
                    "SELECT purpose FROM outbox WHERE id = :id").bind("id", outboxId).mapTo(String.class).findOne();
        });
        SenderMetrics.deliveryReport("BOUNCED");
        purpose.ifPresent(what -> IntakeMetrics.mailSent(what, "BOUNCED"));
        LOG.info("Delivery report: outbox mail {} bounced", outboxId);
    }

    private Optional<Long> byMessageId(DeliveryReport report) {
        if (report.quotedMessageIds().isEmpty()) {
            return Optional.empty();
        }
        return jdbi.withHandle(handle -> handle.createQuery(
                        "SELECT id FROM outbox WHERE message_id IN (<ids>) ORDER BY id LIMIT 1")
                .bindList("ids", report.quotedMessageIds())
                .mapTo(Long.class)
                .findOne());
    }

    /** A cheap first look, so ordinary mail is not parsed twice: a report must say so in its header block. */
    private static boolean mightBeReport(byte[] raw) {
        String headers = headerBlock(raw).toLowerCase(java.util.Locale.ROOT);
        return headers.contains("multipart/report") || headers.contains("mailer-daemon")
                || headers.contains("postmaster") || headers.contains("mail delivery");
    }

    private static String headerBlock(byte[] raw) {
        int length = Math.min(raw.length, MAX_HEADER_CHARS);
        String start = new String(raw, 0, length, StandardCharsets.ISO_8859_1);
        int end = start.indexOf("\r\n\r\n");
        if (end < 0) {
            end = start.indexOf("\n\n");
        }
        return end < 0 ? start : start.substring(0, end);
    }
}
