-- Shahid's intake schema. Ticket tables hold only pseudonymous data; everything that identifies a reporter
-- lives encrypted in sealed_identity (see V2), whose key never enters the database.

CREATE TABLE ticket (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    reference          VARCHAR(32)  NOT NULL,
    kind               VARCHAR(16)  NOT NULL,           -- REPORT or COMMENT
    mailbox            VARCHAR(64)  NOT NULL,           -- route name that received the first mail, e.g. report
    status             VARCHAR(16)  NOT NULL,           -- NEW, TRIAGED, INVESTIGATING, RESOLVED, REJECTED, CLOSED
    language           VARCHAR(8)   NOT NULL,
    reporter_pseudonym VARCHAR(16)  NOT NULL,
    automated          BOOLEAN      NOT NULL DEFAULT FALSE, -- opened by an auto-reply, bounce or list mail
    created_at         TIMESTAMP(3) NOT NULL,
    updated_at         TIMESTAMP(3) NOT NULL,
    CONSTRAINT uq_ticket_reference UNIQUE (reference),
    INDEX ix_ticket_pseudonym (reporter_pseudonym),
    INDEX ix_ticket_status (status, updated_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE ticket_message (
    id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
    ticket_id          BIGINT       NOT NULL,
    direction          VARCHAR(8)   NOT NULL,           -- IN or OUT
    subject            VARCHAR(998) NOT NULL,
    body_text          MEDIUMTEXT   NOT NULL,
    body_html          MEDIUMTEXT   NULL,               -- sanitised: no scripts, no remote resources
    language           VARCHAR(8)   NOT NULL,
    automated          BOOLEAN      NOT NULL DEFAULT FALSE,
    -- Sender-chosen Message-IDs carry the sender's host, so only their keyed hash is kept, for threading.
    message_id_hash    CHAR(64)     NULL,
    parse_problems     TEXT         NULL,
    created_at         TIMESTAMP(3) NOT NULL,
    CONSTRAINT fk_message_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id),
    INDEX ix_message_ticket (ticket_id, id),
    INDEX ix_message_id_hash (message_id_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE attachment (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    ticket_id       BIGINT       NOT NULL,
    message_id      BIGINT       NOT NULL,
    file_name       VARCHAR(255) NOT NULL,
    declared_type   VARCHAR(255) NOT NULL,
    detected_type   VARCHAR(255) NULL,
    size_bytes      BIGINT       NOT NULL,
    sha256          CHAR(64)     NULL,                  -- null when the content was not kept
    kept            BOOLEAN      NOT NULL,
    note            VARCHAR(500) NULL,
    created_at      TIMESTAMP(3) NOT NULL,
    CONSTRAINT fk_attachment_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id),
    CONSTRAINT fk_attachment_message FOREIGN KEY (message_id) REFERENCES ticket_message (id),
    INDEX ix_attachment_sha256 (sha256)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Append-only history of a ticket: what happened, when, by whom (a monitor, "reporter R-…", "system").
CREATE TABLE ticket_event (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    ticket_id  BIGINT       NOT NULL,
    occurred_at TIMESTAMP(3) NOT NULL,
    actor      VARCHAR(255) NOT NULL,
    kind       VARCHAR(32)  NOT NULL,
    detail     VARCHAR(1000) NULL,
    CONSTRAINT fk_event_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id),
    INDEX ix_event_ticket (ticket_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per distinct mail ever processed: the idempotency key is a hash of the mail without its
-- per-delivery trace headers, so a second delivery or a re-fetch after a crash finds it here.
CREATE TABLE processed_mail (
    mail_key     CHAR(64)     PRIMARY KEY,
    mailbox      VARCHAR(64)  NOT NULL,
    outcome      VARCHAR(16)  NOT NULL,                 -- TICKET, FOLLOW_UP, QUARANTINED
    ticket_id    BIGINT       NULL,
    processed_at TIMESTAMP(3) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Failed attempts per mail, written outside the failed transaction, so a poison mail is tried a bounded
-- number of times instead of on every poll forever.
CREATE TABLE intake_attempt (
    mail_key    CHAR(64)     PRIMARY KEY,
    mailbox     VARCHAR(64)  NOT NULL,
    attempts    INT          NOT NULL,
    last_error  VARCHAR(500) NOT NULL,
    updated_at  TIMESTAMP(3) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE quarantine (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    mail_key    CHAR(64)     NOT NULL,
    mailbox     VARCHAR(64)  NOT NULL,
    mailbox_address VARCHAR(320) NOT NULL,              -- so a released mail is processed as its mailbox would
    ticket_kind VARCHAR(16)  NOT NULL,
    reason      VARCHAR(500) NOT NULL,
    attempts    INT          NOT NULL,
    raw_size    BIGINT       NOT NULL,
    sealed_raw  VARCHAR(128) NULL,                      -- key of the encrypted original in the sealed blob store
    status      VARCHAR(16)  NOT NULL,                  -- HELD, RELEASED, DISCARDED
    created_at  TIMESTAMP(3) NOT NULL,
    CONSTRAINT uq_quarantine_mail UNIQUE (mail_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Persistent outbox: every mail Shahid sends is a row first, written in the transaction that decided to send
-- it. A reporter's address is never here: recipient_sealed_id points into sealed_identity.
CREATE TABLE outbox (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    ticket_id           BIGINT       NULL,
    purpose             VARCHAR(32)  NOT NULL,          -- ACKNOWLEDGEMENT, ...
    recipient_sealed_id BIGINT       NULL,              -- a reporter, resolved only when sending
    recipient_address   VARCHAR(320) NULL,              -- a non-reporter (monitor, admin)
    from_address        VARCHAR(320) NOT NULL,
    message_id          VARCHAR(255) NOT NULL,
    subject             VARCHAR(998) NOT NULL,
    body_text           MEDIUMTEXT   NOT NULL,
    body_html           MEDIUMTEXT   NULL,
    language            VARCHAR(8)   NOT NULL,
    status              VARCHAR(16)  NOT NULL,          -- PENDING, SENDING, SENT, FAILED
    attempts            INT          NOT NULL DEFAULT 0,
    next_attempt_at     TIMESTAMP(3) NOT NULL,
    claim_token         CHAR(36)     NULL,
    claimed_at          TIMESTAMP(3) NULL,
    last_error          VARCHAR(500) NULL,
    created_at          TIMESTAMP(3) NOT NULL,
    sent_at             TIMESTAMP(3) NULL,
    CONSTRAINT uq_outbox_message_id UNIQUE (message_id),
    INDEX ix_outbox_due (status, next_attempt_at),
    INDEX ix_outbox_claim (claim_token),
    INDEX ix_outbox_ticket (ticket_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
