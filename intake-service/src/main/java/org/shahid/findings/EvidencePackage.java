package org.shahid.findings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jdbi.v3.core.Handle;
import org.shahid.evidence.ScrubbedCopyStore;
import org.shahid.language.Language;
import org.shahid.tickets.Ticket;
import org.shahid.tickets.TicketDao;
import org.shahid.tickets.TicketEventKind;
import org.shahid.tickets.TicketReference;

/**
 * A finding's evidence package, a zip for stakeholders: the scrubbed copies under {@code copies/}, a
 * {@code manifest.json} with the SHA-256 of every original and copy and the finding's actor, commitment, verdict
 * and timeline, a readable {@code summary.html}, and {@code SHA256SUMS} for {@code sha256sum -c}. Nothing of the
 * reporter goes in: no address, name, pseudonym, text, file name or monitor's note. Thread-safe.
 */
public final class EvidencePackage {

    /** The history kinds a package's timeline shows; their details are Shahid's words or ids, never free text. */
    private static final Set<TicketEventKind> TIMELINE = Set.of(TicketEventKind.OPENED,
            TicketEventKind.EVIDENCE_EXAMINED, TicketEventKind.STATUS_CHANGED, TicketEventKind.CATEGORY_SET,
            TicketEventKind.ACTOR_SET, TicketEventKind.COMMITMENT_SET, TicketEventKind.VERDICT_SET,
            TicketEventKind.SEVERITY_SET, TicketEventKind.CLUSTER_VERDICT);

    private final MonitoringData monitoring;
    private final ScrubbedCopyStore copies;

    public EvidencePackage(MonitoringData monitoring, ScrubbedCopyStore copies) {
        this.monitoring = monitoring;
        this.copies = copies;
    }

    /** Writes the package of the ticket's finding to {@code zip}; returns how many copies it holds. */
    public int write(Handle handle, TicketReference reference, Path zip) {
        Ticket ticket = new TicketDao().findByReference(handle, reference)
                .orElseThrow(() -> new IllegalArgumentException("no ticket " + reference));
        Finding finding = new FindingDao().find(handle, ticket.id())
                .orElseThrow(() -> new IllegalArgumentException(reference + " has no finding yet"));
        List<EvidenceFile> files = new EvidenceFileDao().ofTicket(handle, ticket.id());
        List<Map<String, Object>> timeline = timeline(handle, ticket.id());
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("finding", findingPart(finding));
        manifest.put("reported_at", ticket.createdAt().toString());
        manifest.put("timeline", timeline);
        List<Map<String, Object>> listed = new ArrayList<>();
        StringBuilder sums = new StringBuilder();
        try {
            Files.createDirectories(zip.toAbsolutePath().getParent());
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                int copied = 0;
                for (EvidenceFile file : files) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("name", file.publishedName());
                    entry.put("type", file.type());
                    entry.put("original_sha256", file.sha256());
                    entry.put("original_size", file.sizeBytes());
                    if (file.reasonWithoutCopy().isEmpty()) {
                        String name = "copies/" + file.publishedName();
                        byte[] bytes = Files.readAllBytes(copies.pathOf(file.scrubbedSha256()));
                        put(out, name, bytes);
                        sums.append(sha256(bytes)).append("  ").append(name).append('\n');
                        entry.put("copy", name);
                        entry.put("copy_sha256", file.scrubbedSha256());
                        entry.put("copy_size", bytes.length);
                        copied++;
                    } else {
                        entry.put("no_copy_because", file.reasonWithoutCopy().get());
                    }
                    listed.add(entry);
                }
                manifest.put("files", listed);
                byte[] summary = summary(finding, ticket.createdAt(), listed, timeline).getBytes(StandardCharsets.UTF_8);
                put(out, "summary.html", summary);
                sums.append(sha256(summary)).append("  summary.html\n");
                byte[] json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsBytes(manifest);
                put(out, "manifest.json", json);
                sums.append(sha256(json)).append("  manifest.json\n");
                put(out, "SHA256SUMS", sums.toString().getBytes(StandardCharsets.US_ASCII));
                return copied;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the evidence package " + zip, e);
        }
    }

    private Map<String, Object> findingPart(Finding finding) {
        Map<String, Object> part = new LinkedHashMap<>();
        ActorGroup group = finding.actorGroup() == null ? null
                : monitoring.declaration().group(finding.actorGroup()).orElse(null);
        boolean named = group != null && group.namedInFindings();
        part.put("actor_id", named ? finding.actorId() : null);
        part.put("actor", named ? monitoring.actors().find(finding.actorId()).map(Actor::name)
                .orElse(finding.actorId()) : group == null ? null : "private individual (not named)");
        part.put("actor_group", finding.actorGroup());
        part.put("commitment_id", finding.commitmentId());
        part.put("commitment", finding.commitmentId() == null ? null : monitoring.declaration()
                .groupOf(finding.commitmentId()).flatMap(owner -> owner.commitment(finding.commitmentId()))
                .map(commitment -> commitment.text().in(Language.ENGLISH).strip()).orElse(null));
        part.put("verdict", finding.verdict());
        part.put("verdict_at", text(finding.verdictAt()));
        part.put("severity", finding.severity());
        part.put("platform", finding.platformId());
        part.put("escalated_at", text(finding.escalatedAt()));
        part.put("platform_action", finding.platformAction());
        part.put("platform_action_at", text(finding.platformActionAt()));
        return part;
    }

    private static List<Map<String, Object>> timeline(Handle handle, long ticketId) {
        return handle.createQuery("SELECT occurred_at, actor, kind, detail FROM ticket_event WHERE ticket_id = :id"
                        + " ORDER BY id")
                .bind("id", ticketId)
                .map((row, context) -> {
                    Map<String, Object> event = new LinkedHashMap<>();
                    event.put("at", row.getTimestamp("occurred_at").toInstant().toString());
                    event.put("by", row.getString("actor").equals("system") ? "system"
                            : row.getString("actor").startsWith("reporter") ? "reporter" : "monitor");
                    event.put("what", row.getString("kind"));
                    event.put("detail", row.getString("detail"));
                    return event;
                })
                .list().stream()
                .filter(event -> TIMELINE.stream().anyMatch(kind -> kind.name().equals(event.get("what"))))
                .map(event -> {
                    if (event.get("what").equals(TicketEventKind.OPENED.name())) {
                        event.put("detail", null);
                    }
                    return event;
                })
                .toList();
    }

    private String summary(Finding finding, Instant reportedAt, List<Map<String, Object>> files,
                           List<Map<String, Object>> timeline) {
        Map<String, Object> part = findingPart(finding);
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\">"
                + "<title>Evidence package</title>\n<style>body{font-family:sans-serif;margin:2em}td,th{border:1px"
                + " solid #bbb;padding:.2em .5em;text-align:left}table{border-collapse:collapse}</style></head>\n"
                + "<body>\n<h1>Evidence package</h1>\n<table>\n");
        row(html, "reported at", reportedAt.toString());
        part.forEach((key, value) -> row(html, key.replace('_', ' '), value == null ? "-" : value.toString()));
        html.append("</table>\n<h2>Files</h2>\n<table>\n<tr><th>name</th><th>SHA-256 of the original</th>"
                + "<th>SHA-256 of the copy</th></tr>\n");
        for (Map<String, Object> file : files) {
            html.append("<tr><td>").append(escape(file.get("name"))).append("</td><td><code>")
                    .append(escape(file.get("original_sha256"))).append("</code></td><td>")
                    .append(file.containsKey("copy_sha256") ? "<code>" + escape(file.get("copy_sha256")) + "</code>"
                            : escape(file.get("no_copy_because"))).append("</td></tr>\n");
        }
        html.append("</table>\n<h2>Timeline</h2>\n<table>\n");
        for (Map<String, Object> event : timeline) {
            html.append("<tr><td>").append(escape(event.get("at"))).append("</td><td>").append(escape(event.get("by")))
                    .append("</td><td>").append(escape(event.get("what"))).append("</td><td>")
                    .append(escape(event.get("detail"))).append("</td></tr>\n");
        }
        return html.append("</table>\n<p>Check the files with <code>sha256sum -c SHA256SUMS</code>.</p>\n"
                + "</body>\n</html>\n").toString();
    }

    private static void row(StringBuilder html, String key, String value) {
        html.append("<tr><th>").append(escape(key)).append("</th><td>").append(escape(value)).append("</td></tr>\n");
    }

    private static String escape(Object value) {
        return value == null ? "-" : value.toString().replace("&", "&amp;").replace("<", "&lt;")
                .replace(">", "&gt;");
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static void put(ZipOutputStream out, String name, byte[] bytes) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(bytes);
        out.closeEntry();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
