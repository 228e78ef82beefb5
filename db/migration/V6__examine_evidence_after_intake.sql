-- Evidence is examined (type, scrubbing, text, OCR) after the mail's ticket is committed, off the mailbox's path:
-- a screenshot's OCR takes a second or more, and a hostile file up to the extraction timeout, which would hold up
-- every mail behind it. Intake records each kept attachment with its hash and sealed original, and one row here
-- per message that has such attachments or links; the examiner claims these rows, updates the attachments, links
-- tickets by what it found and then notifies the monitors (who see the whole evidence, never half of it).
-- Linking happens here, one message at a time, because mails are committed concurrently: two transactions that
-- each record the same URL cannot see each other's row, and would link nothing.
CREATE TABLE evidence_examination (
    message_id   BIGINT       NOT NULL PRIMARY KEY,
    ticket_id    BIGINT       NOT NULL,
    follow_up    BOOLEAN      NOT NULL,  -- the message is a reporter's follow-up (changes the notification)
    reopened     BOOLEAN      NOT NULL,  -- the follow-up reopened a finished ticket
    body_urls    MEDIUMTEXT   NULL,      -- normalised URLs of the body (one per line), linked with the evidence
    state        VARCHAR(16)  NOT NULL,  -- PENDING, DONE
    claim_token  CHAR(36)     NULL,
    claimed_at   TIMESTAMP(3) NULL,
    attempts     INT          NOT NULL DEFAULT 0,
    created_at   TIMESTAMP(3) NOT NULL,
    examined_at  TIMESTAMP(3) NULL,
    CONSTRAINT fk_examination_message FOREIGN KEY (message_id) REFERENCES ticket_message (id),
    CONSTRAINT fk_examination_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id),
    INDEX ix_examination_due (state, message_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Attachments recorded before any earlier version examined later are examined already.
ALTER TABLE attachment ADD COLUMN examined BOOLEAN NOT NULL DEFAULT TRUE;
