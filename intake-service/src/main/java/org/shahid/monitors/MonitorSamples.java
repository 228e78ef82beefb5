package org.shahid.monitors;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.shahid.outbound.PlainTextTemplates;

/** Sample models that every monitor template is rendered with at start, so a typo stops the start, not a mail. */
final class MonitorSamples {

    private MonitorSamples() {
    }

    static Map<String, Object> of(String event) {
        Map<String, Object> model = new HashMap<>();
        model.put("organisation", "Shahid election monitoring");
        model.put("reference", PlainTextTemplates.SAMPLE_REFERENCE);
        model.put("macToken", "[key:20000-0123456789abcdef]");
        switch (event) {
            case MonitorTemplates.TICKET_NOTIFICATION -> {
                model.put("followUp", false);
                model.put("pseudonym", "R-7F3KQ9XR2B");
                model.put("kind", "REPORT");
                model.put("mailbox", "report");
                model.put("language", "ar");
                model.put("status", "NEW");
                model.put("reopened", false);
                model.put("text", "Sample report text.");
                model.put("suggestedCategory", "fake-accounts");
                model.put("suggestedActor", "");
                model.put("evidence", List.of(Map.of("fileName", "post.png", "type", "image/png", "size", "1024",
                        "sha256", "0".repeat(64), "note", "", "number", "1", "delivery", "attached",
                        "attachedAs", "image-00000000.png", "detail", ""), Map.of("fileName", "minutes.docx", "type",
                        "application/zip", "size", "2048", "sha256", "1".repeat(64), "note", "", "number", "2",
                        "delivery", "hostile-on-request", "attachedAs", "", "detail", "zip-bomb"),
                        Map.ofEntries(Map.entry("fileName", "photos.zip"), Map.entry("type", "application/zip"),
                                Map.entry("size", "4096"), Map.entry("sha256", "2".repeat(64)), Map.entry("note", ""),
                                Map.entry("number", "3"), Map.entry("delivery", "on-request"),
                                Map.entry("attachedAs", ""), Map.entry("detail", ""),
                                Map.entry("renamed", List.of(Map.of("copyName", "1-0a1b2c3d.jpg",
                                        "name", "photo_from_[phone].jpg"))))));
                model.put("linked", List.of("SHD-AAAA-BBBB-CCCC"));
                model.put("registeredActor", "sample-unity-party");
                model.put("registeredActorName", "Sample Unity Party (fictional)");
                model.put("commitmentGroup", "candidates");
                model.put("commitmentGroupName", "Candidates, parties and campaign teams");
                model.put("commitments", List.of(Map.of("id", "candidates-no-hate-speech", "text",
                        "Not to publish or share hate speech.")));
            }
            case MonitorTemplates.MONITOR_DIGEST -> {
                model.put("monitorName", "Monitor One");
                model.put("unassignedAfter", "24h");
                Map<String, Object> ticket = Map.of("reference", PlainTextTemplates.SAMPLE_REFERENCE, "status", "INVESTIGATING",
                        "priority", "NORMAL", "category", "fake-accounts", "language", "ar",
                        "createdAt", "2025-06-01T10:00:00Z", "actor", "sample-unity-party", "actorGroup", "candidates");
                model.put("assigned", List.of(ticket));
                model.put("unassigned", List.of(ticket));
                model.put("heldBack", List.of("SHD-AAAA-BBBB-CCCC"));
                model.put("unassignedTotal", 201L);
                model.put("unassignedNotListed", 200L);
                model.put("breaches", List.of(Map.of("reference", PlainTextTemplates.SAMPLE_REFERENCE, "measure", "first action")));
                model.put("commitmentMenus", List.of(Map.of("group", "candidates", "groupName",
                        "Candidates, parties and campaign teams", "commitments", List.of(Map.of("id",
                                "candidates-no-hate-speech", "text", "Not to publish or share hate speech.")))));
            }
            case MonitorTemplates.COMMAND_PROBLEMS -> model.put("problems", List.of("#status: unknown status 'x'"));
            case MonitorTemplates.REPLY_REFUSED -> model.put("reference", PlainTextTemplates.SAMPLE_REFERENCE);
            case MonitorTemplates.REPLY_KEY_EXPIRED -> model.put("keyTtlDays", 30L);
            case MonitorTemplates.MONITOR_EVIDENCE -> {
                model.put("request", "#evidence 2 hostile");
                model.put("mail", 1);
                model.put("mails", 1);
                model.put("files", List.of(Map.of("number", 2, "name", "document-11111111.docx", "sha256",
                        "1".repeat(64), "flags", "zip-bomb")));
            }
            case MonitorTemplates.PLATFORM_ESCALATION -> {
                model.put("platformName", "Meta (Facebook, Instagram)");
                model.put("escalationReference", "ESC-0123456789AB");
                model.put("posts", List.of("https://www.facebook.com/sample.unity.party/posts/1"));
                model.put("attached", List.of(Map.of("name", "image-00000000.png", "sha256", "0".repeat(64))));
                model.put("further", List.of("1".repeat(64)));
            }
            case MonitorTemplates.WEEKLY_FINDINGS -> {
                model.put("leadName", "Monitor One");
                model.put("from", "2026-05-04");
                model.put("to", "2026-05-10");
                model.put("byActor", List.of(Map.of("actor", "Sample Unity Party (fictional)", "group",
                        "Candidates, parties and campaign teams", "violations", "<5")));
            }
            default -> throw new IllegalArgumentException(event);
        }
        return model;
    }
}
