-- Rate limits that hold under concurrency: one counter row per limit, subject and hour, incremented inside the
-- transaction that decides to send (the row lock serialises concurrent deciders). limit_key is a keyed hash of
-- the limit's name and its subject (a canonical sender address, or nothing for a global cap): never an address,
-- and not linked to any ticket.
CREATE TABLE send_limit_window (
    limit_key    CHAR(64)     NOT NULL,
    window_start TIMESTAMP(3) NOT NULL,
    used         INT          NOT NULL,
    PRIMARY KEY (limit_key, window_start),
    INDEX ix_send_limit_window_start (window_start)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;

-- Messages whose monitors' notification was held back because their sender passed the hourly notification cap;
-- the next digest lists their tickets instead and stamps digested_at.
CREATE TABLE monitor_notice_held (
    message_id   BIGINT       NOT NULL PRIMARY KEY,
    ticket_id    BIGINT       NOT NULL,
    held_at      TIMESTAMP(3) NOT NULL,
    digested_at  TIMESTAMP(3) NULL,
    INDEX ix_monitor_notice_held_digest (digested_at, ticket_id)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;

-- Bounces and delay notices of Shahid's own mail, recognised by the per-mail envelope sender (VERP) or by the
-- Message-ID a delivery report names. A bounce sets status BOUNCED; a delay only counts. Nothing else of the
-- report is kept.
ALTER TABLE outbox
    ADD COLUMN bounced_at    TIMESTAMP(3) NULL,
    ADD COLUMN delay_notices INT          NOT NULL DEFAULT 0;
