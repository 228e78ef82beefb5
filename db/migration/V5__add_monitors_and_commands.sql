-- Monitors work tickets by mail (issue 5). Triage state lives beside the ticket, not in it, so the ticket table
-- of the intake schema stays as it is; the audit of replies records every refused or applied monitor mail.

-- What monitors decide about a ticket besides its status: who works it, how urgent, which category.
CREATE TABLE ticket_triage (
    ticket_id          BIGINT       PRIMARY KEY,
    assignee           VARCHAR(320) NULL,               -- a roster address, never a reporter's
    priority           VARCHAR(16)  NOT NULL DEFAULT 'NORMAL', -- LOW, NORMAL, HIGH, URGENT
    category           VARCHAR(64)  NULL,               -- confirmed by a monitor's #category
    suggested_category VARCHAR(64)  NULL,               -- from the keyword rules in routes/categories.yaml
    suggested_actor    VARCHAR(64)  NULL,
    updated_at         TIMESTAMP(3) NOT NULL,
    CONSTRAINT fk_triage_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id),
    INDEX ix_triage_assignee (assignee)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every mail that arrived at the monitors mailbox and what became of it. A sender that is not on the roster is
-- kept only as a keyed hash: it could be anybody, a reporter included.
CREATE TABLE monitor_reply_audit (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    mail_key         CHAR(64)     NOT NULL,
    sender           VARCHAR(320) NOT NULL,             -- roster address, or "unlisted:<keyed hash>"
    ticket_id        BIGINT       NULL,
    outcome          VARCHAR(16)  NOT NULL,             -- APPLIED, REFUSED, INVALID
    reason           VARCHAR(1000) NULL,
    refusal_sent     BOOLEAN      NOT NULL DEFAULT FALSE,
    received_at      TIMESTAMP(3) NOT NULL,
    INDEX ix_audit_sender (sender, received_at),
    INDEX ix_audit_ticket (ticket_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A mail to a monitor carries a Reply-To that names the ticket and its MAC.
ALTER TABLE outbox ADD COLUMN reply_to VARCHAR(320) NULL;
