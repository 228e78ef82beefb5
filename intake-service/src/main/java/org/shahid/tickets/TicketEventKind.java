package org.shahid.tickets;

/**
 * What a row of a ticket's history ({@code ticket_event.kind}) records. The name is what is stored, so a value is
 * never renamed once released; reports and the {@code tickets} verb read history by these names.
 */
public enum TicketEventKind {
    /** A report or comment opened the ticket. */
    OPENED,
    /** The reporter wrote again on the ticket. */
    FOLLOW_UP_RECEIVED,
    /** A follow-up carried a receipt code that is not the ticket's. */
    RECEIPT_CODE_NOT_MATCHED,
    /** A follow-up's receipt code was not checked: too many wrong tries. */
    RECEIPT_CODE_IGNORED,
    /** The acknowledgement to the reporter is in the outbox. */
    ACKNOWLEDGEMENT_QUEUED,
    /** No acknowledgement is sent, with the reason. */
    ACKNOWLEDGEMENT_SUPPRESSED,
    /** A follow-up on a closed ticket is answered with the case-closed mail. */
    CASE_CLOSED_REPLY_QUEUED,
    /** A follow-up on a closed ticket got no answer (one was sent recently). */
    CASE_CLOSED_REPLY_SUPPRESSED,
    /** The evidence files were examined (hashes, links, scrubbed copies). */
    EVIDENCE_EXAMINED,
    /** The sealed identities were purged after the retention period. */
    IDENTITY_PURGED,
    /** The category rules suggested a category. */
    CATEGORY_SUGGESTED,
    /** The monitors' notification is in the outbox. */
    MONITORS_NOTIFIED,
    /** No monitor is told, with the reason. */
    MONITORS_NOT_NOTIFIED,
    /** The status changed, as {@code from -> to}. */
    STATUS_CHANGED,
    /** A rejection's reason (and the ticket it duplicates). */
    REJECTED_BECAUSE,
    /** A finished ticket was opened again. */
    REOPENED,
    /** A monitor took or gave the ticket. */
    ASSIGNED,
    /** A monitor set the category. */
    CATEGORY_SET,
    /** A monitor set the priority. */
    PRIORITY_SET,
    /** A monitor's internal note. */
    NOTE,
    /** A verdict applied to (or from) tickets linked by shared evidence. */
    CLUSTER_VERDICT,
    /** A linked ticket whose lifecycle did not allow the cluster's verdict. */
    CLUSTER_VERDICT_SKIPPED,
    /** A status update to the reporter is in the outbox. */
    STATUS_UPDATE_QUEUED,
    /** No status update could be sent, with the reason. */
    STATUS_UPDATE_NOT_SENT,
    /** A monitor named the actor of the finding (and its group). */
    ACTOR_SET,
    /** A monitor named the commitment of the declaration the actor broke. */
    COMMITMENT_SET,
    /** A monitor's verdict on the finding: violation, no-violation or unverifiable. */
    VERDICT_SET,
    /** A monitor's severity of the finding. */
    SEVERITY_SET,
    /** A finding's posts were sent to a platform's trusted-partner address, with the escalation's reference. */
    ESCALATED,
    /** Scrubbed evidence copies a monitor asked for with #evidence were queued to them. */
    EVIDENCE_SENT,
    /** What the platform did about an escalation. */
    PLATFORM_ACTION_SET,
    /** A platform's answer to an escalation, threaded back by the escalation's reference. */
    PLATFORM_ANSWERED,
    /** The one confirmation of an erasure is in the outbox. */
    ERASURE_CONFIRMATION_QUEUED,
    /** An erasure could not be confirmed (the mail had no reply address). */
    ERASURE_NOT_CONFIRMED,
    /** The reporter had their identity erased (what was destroyed, never who). */
    IDENTITY_ERASED,
    /** The one confirmation of a withdrawal is in the outbox. */
    WITHDRAWAL_CONFIRMATION_QUEUED,
    /** A withdrawal could not be confirmed (the mail had no reply address). */
    WITHDRAWAL_NOT_CONFIRMED,
    /** The reporter asked again to withdraw: recorded, not answered. */
    WITHDRAWAL_REPEATED,
    /** The reporter withdrew the report. */
    WITHDRAWN,
    /** A ticket missed a service level (time to first action or to resolution). */
    SLA_BREACHED
}
