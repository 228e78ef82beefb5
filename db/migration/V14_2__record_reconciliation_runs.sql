-- One row per mailbox per reconciliation: what the mail server held and what Shahid had not seen of it.
CREATE TABLE reconciliation_run (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    mailbox       VARCHAR(64)  NOT NULL,
    started_at    TIMESTAMP(3) NOT NULL,
    uid_validity  BIGINT       NULL,
    mails_checked INT          NOT NULL,
    unprocessed   INT          NOT NULL,               -- on the server, neither ticketed nor quarantined
    ingested      INT          NOT NULL,               -- of those, taken in by this run
    outcome       VARCHAR(16)  NOT NULL,               -- CHECKED or FAILED
    problem       VARCHAR(255) NULL,                   -- why a mailbox could not be checked (no identity in it)
    INDEX ix_reconciliation_started (started_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Mails reconciliation has already found accounted for (by mailbox, folder, UIDVALIDITY and UID), so each mail
-- is fetched once in its life, not on every run. A new UIDVALIDITY means the server renumbered: all are checked.
CREATE TABLE reconciled_mail (
    mailbox      VARCHAR(64)  NOT NULL,
    folder       VARCHAR(64)  NOT NULL,
    uid_validity BIGINT       NOT NULL,
    uid          BIGINT       NOT NULL,
    PRIMARY KEY (mailbox, folder, uid_validity, uid)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
