-- The identity gate. A message's redaction terms (the reporter's names and addresses, sealed with the operational
-- keyset) live only until its attachments were examined; the examiner deletes the row with its results.
CREATE TABLE redaction_terms (
    message_id   BIGINT       NOT NULL PRIMARY KEY,
    key_id       BIGINT       NOT NULL,
    sealed_terms BLOB         NOT NULL,
    created_at   TIMESTAMP(3) NOT NULL,
    CONSTRAINT fk_redaction_terms_message FOREIGN KEY (message_id) REFERENCES ticket_message (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What the per-sender limits count: a keyed hash of the address (never shown, unrelated to the pseudonym), per clock
-- hour, with no link to a ticket. One row per sender and hour, locked by the transaction that counts it, so that
-- concurrent intakes of the same sender cannot both pass the limit. A sender's older hours go when it next writes.
CREATE TABLE sender_rate (
    sender_key   VARCHAR(16)  NOT NULL,
    purpose      VARCHAR(32)  NOT NULL,
    window_start TIMESTAMP(3) NOT NULL,
    sent         INT          NOT NULL,
    PRIMARY KEY (sender_key, purpose, window_start)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
