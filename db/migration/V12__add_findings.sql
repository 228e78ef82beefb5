-- The monitoring body's findings: which actor broke which commitment of the declaration, as monitors record it
-- by mail (#actor, #commitment, #verdict, #severity), and the trusted-partner escalation to a platform with its
-- outcome. One finding per ticket; the evidence it rests on is the ticket's attachment rows (their SHA-256).
-- Nothing here names a reporter: a finding is about the actor, and the ticket id links it to its history.
CREATE TABLE finding (
    ticket_id            BIGINT       PRIMARY KEY,
    actor_id             VARCHAR(64)  NULL,    -- an id of monitoring/actors.yaml, or one a monitor introduced
    actor_group          VARCHAR(64)  NULL,    -- a group id of monitoring/declaration.yaml
    commitment_id        VARCHAR(96)  NULL,    -- a commitment of that group
    verdict              VARCHAR(16)  NULL,    -- VIOLATION, NO_VIOLATION, UNVERIFIABLE
    verdict_at           TIMESTAMP(3) NULL,    -- when the verdict was (last) given: time to verdict
    severity             VARCHAR(8)   NULL,    -- LOW, MEDIUM, HIGH
    platform_id          VARCHAR(64)  NULL,    -- escalated to (monitoring/platforms.yaml)
    escalation_reference VARCHAR(64)  NULL,    -- the reference the platform's answer threads back by
    escalated_at         TIMESTAMP(3) NULL,
    platform_action      VARCHAR(16)  NULL,    -- REMOVED, LABELLED, REFUSED, NONE
    platform_action_at   TIMESTAMP(3) NULL,
    updated_at           TIMESTAMP(3) NOT NULL,
    CONSTRAINT fk_finding_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id),
    CONSTRAINT uq_finding_escalation UNIQUE (escalation_reference),
    INDEX ix_finding_verdict_at (verdict_at),
    INDEX ix_finding_actor (actor_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
