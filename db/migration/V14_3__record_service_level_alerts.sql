-- Reminders and escalations of service levels (monitoring/service-levels.yaml), one row each per ticket and
-- measure: the key makes each go out once, whichever instance runs the check. An ESCALATION row is a breach.
CREATE TABLE service_level_alert (
    ticket_id  BIGINT       NOT NULL,
    measure    VARCHAR(16)  NOT NULL,                  -- FIRST_ACTION or RESOLUTION
    stage      VARCHAR(16)  NOT NULL,                  -- REMINDER (before the limit) or ESCALATION (at it)
    due_at     TIMESTAMP(3) NOT NULL,
    alerted_at TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (ticket_id, measure, stage),
    CONSTRAINT fk_service_level_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id),
    INDEX ix_service_level_stage (stage, alerted_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
