-- Reporter anonymity, part two: receipt codes (only their keyed hash), the two-person unsealing requests and
-- their append-only audit trail. Like sealed_identity, unseal_request and unseal_audit are not for the account
-- that serves monitors (see README, "Anonymity in depth").

-- The receipt code a new ticket's acknowledgement carries, as HMAC under the pseudonym pepper: a dump shows no code.
CREATE TABLE receipt_code (
    ticket_id   BIGINT       PRIMARY KEY,
    code_hash   CHAR(64)     NOT NULL,
    created_at  TIMESTAMP(3) NOT NULL,
    CONSTRAINT uq_receipt_code_hash UNIQUE (code_hash),
    CONSTRAINT fk_receipt_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Wrong receipt codes per sender pseudonym, so guessing codes is rate-limited.
CREATE TABLE receipt_code_miss (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    pseudonym   VARCHAR(16)  NOT NULL,
    occurred_at TIMESTAMP(3) NOT NULL,
    INDEX ix_receipt_miss_pseudonym (pseudonym, occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A request to see the identity behind one ticket; a second, different admin approves it.
CREATE TABLE unseal_request (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    ticket_id     BIGINT        NOT NULL,
    requested_by  VARCHAR(64)   NOT NULL,
    reason        VARCHAR(1000) NOT NULL,
    requested_at  TIMESTAMP(3)  NOT NULL,
    approved_by   VARCHAR(64)   NULL,
    approved_at   TIMESTAMP(3)  NULL,
    CONSTRAINT fk_unseal_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id),
    -- The collation compares case-insensitively, so "Alice" cannot approve "alice"'s request either.
    CONSTRAINT ck_unseal_two_people CHECK (approved_by IS NULL OR approved_by <> requested_by),
    INDEX ix_unseal_ticket (ticket_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every request, approval, refusal and reveal: who, when, which ticket, why, what. Rows are never changed.
CREATE TABLE unseal_audit (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    occurred_at  TIMESTAMP(3)  NOT NULL,
    actor        VARCHAR(64)   NOT NULL,
    action       VARCHAR(32)   NOT NULL,                 -- REQUESTED, APPROVED, REVEALED, REFUSED
    ticket_id    BIGINT        NULL,
    request_id   BIGINT        NULL,
    reason       VARCHAR(1000) NULL,
    detail       VARCHAR(500)  NULL,
    INDEX ix_unseal_audit_ticket (ticket_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TRIGGER unseal_audit_is_append_only_update BEFORE UPDATE ON unseal_audit FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'unseal_audit is append-only';

CREATE TRIGGER unseal_audit_is_append_only_delete BEFORE DELETE ON unseal_audit FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'unseal_audit is append-only';
