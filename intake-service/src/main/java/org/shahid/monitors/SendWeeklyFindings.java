package org.shahid.monitors;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.shahid.reports.PublishedFindings;
import org.shahid.evidence.ScrubbedCopyStore;
import org.shahid.findings.FindingFact;
import org.shahid.findings.FindingFactsDao;
import org.shahid.language.Language;
import org.shahid.outbound.MessageIds;
import org.shahid.outbound.OutboxAttachment;
import org.shahid.outbound.OutboxDao;

/**
 * Mails each lead on the roster the findings of the past seven days (UTC, up to today's midnight) through the
 * outbox, in the lead's first language: the report the {@code findings} command writes, zipped as the mail's
 * attachment, and its confirmed violations by actor in the text. Only findings go out: counts keep the
 * small-cell rule, and nothing names a reporter, a pseudonym or a ticket reference. A lead already sent the week
 * ending today is skipped, so a repeated fire sends nothing twice. Called by the {@code weekly-findings} route on
 * a Quartz cron ({@code shahid.monitoring.weekly-findings-cron}). Thread-safe.
 */
public final class SendWeeklyFindings {

    public static final String PURPOSE = "WEEKLY_FINDINGS";
    private static final int DAYS = 7;

    /** What the weekly mail is made of, wired once at start. */
    public record Parts(Jdbi jdbi, Roster roster, PublishedFindings report, MonitorTemplates templates,
                        OutboxDao outbox, MessageIds messageIds, ScrubbedCopyStore copies, Path workDir,
                        String monitorsAddress, String organisation, Clock clock) {
    }

    /** One language's report: its zip in the copy store and its rows by actor. */
    private record Written(ScrubbedCopyStore.StoredCopy zip, List<PublishedFindings.ActorLine> byActor) {
    }

    private final Parts parts;

    public SendWeeklyFindings(Parts parts) {
        this.parts = parts;
    }

    /** Queues the week's findings to every lead not yet sent them; returns how many mails. */
    public int send() {
        Instant now = parts.clock().instant();
        LocalDate to = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate from = to.minusDays(DAYS);
        Instant periodEnd = to.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Monitor> leads = parts.roster().monitors().stream()
                .filter(monitor -> monitor.role() == Monitor.Role.LEAD).toList();
        if (leads.isEmpty()) {
            return 0;
        }
        List<FindingFact> facts = parts.jdbi().withHandle(handle -> new FindingFactsDao().between(handle,
                from.atStartOfDay(ZoneOffset.UTC).toInstant(), periodEnd));
        // Written before the transaction: the copy store is content-addressed, so a rolled-back run leaves at most
        // a file the next run makes again with the same name.
        Map<Language, Written> written = new EnumMap<>(Language.class);
        for (Monitor lead : leads) {
            written.computeIfAbsent(lead.language(), language -> write(facts, from, to, language));
        }
        return parts.jdbi().inTransaction(handle -> {
            int queued = 0;
            for (Monitor lead : leads) {
                if (alreadySent(handle, lead, periodEnd)) {
                    continue;
                }
                Written report = written.get(lead.language());
                Map<String, Object> model = new HashMap<>();
                model.put("organisation", parts.organisation());
                model.put("leadName", lead.name());
                model.put("from", from.toString());
                model.put("to", to.minusDays(1).toString());
                model.put("byActor", report.byActor().stream().map(line -> Map.of("actor", line.actor(),
                        "group", line.group(), "violations", line.violations())).toList());
                long outboxId = parts.outbox().enqueue(handle, new OutboxDao.NewMail(null, PURPOSE, null,
                        lead.address(), parts.monitorsAddress(), parts.messageIds().next(), parts.templates().render(
                        MonitorTemplates.WEEKLY_FINDINGS, lead.language(), model), lead.language().code()), now);
                parts.outbox().attach(handle, outboxId, List.of(new OutboxAttachment(1, "findings-" + from + "-"
                        + to.minusDays(1) + "-" + lead.language().code() + ".zip", "application/zip",
                        report.zip().sha256())));
                queued++;
            }
            return queued;
        });
    }

    private static boolean alreadySent(Handle handle, Monitor lead, Instant periodEnd) {
        return handle.createQuery("""
                        SELECT COUNT(*) FROM outbox WHERE purpose = :purpose AND recipient_address = :address
                        AND created_at >= :periodEnd""")
                .bind("purpose", PURPOSE).bind("address", lead.address()).bind("periodEnd", periodEnd)
                .mapTo(Long.class).one() > 0;
    }

    private Written write(List<FindingFact> facts, LocalDate from, LocalDate to, Language language) {
        try {
            Files.createDirectories(parts.workDir());
            Path folder = Files.createTempDirectory(parts.workDir(), "findings-");
            Path zip = Files.createTempFile(parts.workDir(), "findings-", ".zip");
            try {
                List<PublishedFindings.ActorLine> byActor = parts.report().write(facts, from, to, language, folder);
                zip(folder, zip, from);
                return new Written(parts.copies().put(zip), byActor);
            } finally {
                deleteTree(folder);
                Files.deleteIfExists(zip);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the weekly findings", e);
        }
    }

    /** The folder's files in name order with one fixed time: the same report makes the same zip. */
    private static void zip(Path folder, Path zip, LocalDate from) throws IOException {
        long time = from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        List<Path> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.sorted().toList();
        }
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream zipped = new ZipOutputStream(out)) {
            for (Path file : files) {
                ZipEntry entry = new ZipEntry("findings/" + file.getFileName());
                entry.setTime(time);
                zipped.putNextEntry(entry);
                Files.copy(file, zipped);
                zipped.closeEntry();
            }
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> walked = Files.walk(folder)) {
            for (Path path : walked.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
