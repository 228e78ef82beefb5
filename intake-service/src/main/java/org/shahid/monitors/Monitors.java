package org.shahid.monitors;

import org.shahid.findings.MonitoringData;

/**
 * The monitors' side of Shahid, as the composition root wires it at start: the roster, category rules and
 * monitoring data (files admins edit in {@code monitoring/}), the notifier intake calls, the reply step of the
 * {@code monitors} route, the digest of the {@code monitor-digest} route and the leads' mail of the
 * {@code weekly-findings} route.
 */
public record Monitors(Roster roster, Categories categories, MonitoringData monitoring, NotifyMonitors notifyMonitors,
                       ApplyMonitorReply applyMonitorReply, SendDigest sendDigest, MonitorTemplates templates,
                       SendWeeklyFindings sendWeeklyFindings) {
}
