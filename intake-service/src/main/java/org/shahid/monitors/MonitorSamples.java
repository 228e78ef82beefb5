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
                        "sha256", "0".repeat(64), "note", "")));
                model.put("linked", List.of("SHD-AAAA-BBBB-CCCC"));
                model.put("registeredActor", "sample-unity-party");
                model.put("registeredActorName", "Sample Unity Party (fictional)");
                model.put("commitmentGroup", "candidates");
                model.put("commitments", List.of(Map.of("id", "candidates-no-hate-speech", "text",
                        "Not to publish or share hate speech.")));
            }
            case MonitorTemplates.MONITOR_DIGEST -> {
                model.put("monitorName", "Monitor One");
                model.put("unassignedAfter", "24h");
                Map<String, Object> ticket = Map.of("reference", PlainTextTemplates.SAMPLE_REFERENCE, "status", "INVESTIGATING",
                        "priority", "NORMAL", "category", "fake-accounts", "language", "ar",
                        "createdAt", "2025-06-01T10:00:00Z");
                model.put("assigned", List.of(ticket));
                model.put("unassigned", List.of(ticket));
                model.put("heldBack", List.of("SHD-AAAA-BBBB-CCCC"));
                model.put("unassignedTotal", 201L);
                model.put("unassignedNotListed", 200L);
                model.put("breaches", List.of(Map.of("reference", PlainTextTemplates.SAMPLE_REFERENCE, "measure", "first action")));
            }
            case MonitorTemplates.COMMAND_PROBLEMS -> model.put("problems", List.of("#status: unknown status 'x'"));
            case MonitorTemplates.REPLY_REFUSED -> model.put("reference", PlainTextTemplates.SAMPLE_REFERENCE);
            case MonitorTemplates.REPLY_KEY_EXPIRED -> model.put("keyTtlDays", 30L);
            default -> throw new IllegalArgumentException(event);
        }
        return model;
    }
}
