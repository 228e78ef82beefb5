-- The identity gate. A message's redaction terms (the reporter's names and addresses, sealed with the operational
-- keyset) live only until its attachments were examined; the examiner deletes the row with its results.
CREATE TABLE redaction_terms (
    message_id   BIGINT       NOT NULL PRIMARY KEY,
    key_id       BIGINT       NOT NULL,
    sealed_terms BLOB         NOT NULL,
    created_at   TIMESTAMP(3) NOT NULL,
    CONSTRAINT fk_redaction_terms_message FOREIGN KEY (message_id) REFERENCES ticket_message (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What the per-sender limits count: a keyed hash of the address (never shown, unrelated to the pseudonym) and
-- when, with no link to a ticket. A sender's rows older than the window are deleted when it next writes.
CREATE TABLE sender_rate_event (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    sender_key  VARCHAR(16)  NOT NULL,
    purpose     VARCHAR(32)  NOT NULL,
    occurred_at TIMESTAMP(3) NOT NULL,
    INDEX ix_sender_rate (sender_key, purpose, occurred_at),
    INDEX ix_sender_rate_age (occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
