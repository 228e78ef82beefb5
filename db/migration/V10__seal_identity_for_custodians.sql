-- Custodian sealing: what identifies a reporter is sealed to a public key whose private half exists only as
-- k-of-n shares held by custodians, off the server. The server keeps only the reply channel (the reply address,
-- under its operational key) for as long as a ticket may still need an answer.

-- The custodian public keys; the newest unretired one seals new records, older ones stay for their records.
CREATE TABLE custodian_key (
    id             BIGINT       PRIMARY KEY,          -- Tink key id of the HPKE key pair
    public_keyset  BLOB         NOT NULL,             -- Tink keyset without secret material
    threshold      INT          NOT NULL,
    custodians     INT          NOT NULL,
    created_at     TIMESTAMP(3) NOT NULL,
    retired_at     TIMESTAMP(3) NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- sealed_identity.ciphertext becomes the reply channel (the reply address only, under the server key);
-- identity_record holds the whole identity (address, display name, header block) sealed to a custodian key.
-- Rows with custodian_key_id NULL were sealed before custodians existed: `custodians migrate` converts them.
ALTER TABLE sealed_identity
    ADD COLUMN custodian_key_id BIGINT       NULL,
    ADD COLUMN identity_record  MEDIUMBLOB   NULL,
    ADD COLUMN reply_erased_at  TIMESTAMP(3) NULL,
    ADD INDEX ix_sealed_custodian_key (custodian_key_id);

-- The unseal audit as a hash chain: each row carries the SHA-256 of the previous row and of its own content, so
-- a deleted, truncated, reordered or changed row is found by `audit verify`. Rows from before the chain keep
-- chain_seq NULL and are listed but not covered.
ALTER TABLE unseal_audit
    ADD COLUMN chain_seq  BIGINT   NULL,
    ADD COLUMN prev_hash  CHAR(64) NULL,
    ADD COLUMN row_hash   CHAR(64) NULL,
    ADD CONSTRAINT uq_unseal_audit_seq UNIQUE (chain_seq);

-- The chain's head, locked by each append so that appends are serialised. It is copied outside the database
-- (a log line and a file under the data folder) after each commit, so resetting it here is detected too.
CREATE TABLE unseal_audit_head (
    id         TINYINT  PRIMARY KEY,
    chain_seq  BIGINT   NOT NULL,
    row_hash   CHAR(64) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
INSERT INTO unseal_audit_head (id, chain_seq, row_hash) VALUES (1, 0, REPEAT('0', 64));

-- One custodian's approval of one request, named by the share's identity (key id and share index), never by a
-- typed name. A share counts once per request however often it is presented (unseal_pending_share's key).
CREATE TABLE unseal_approval (
    id                BIGINT AUTO_INCREMENT PRIMARY KEY,
    request_id        BIGINT       NOT NULL,
    custodian_key_id  BIGINT       NOT NULL,
    share_index       INT          NOT NULL,
    approved_at       TIMESTAMP(3) NOT NULL,
    INDEX ix_unseal_approval_request (request_id),
    CONSTRAINT fk_approval_request FOREIGN KEY (request_id) REFERENCES unseal_request (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Approvals arrive one command at a time, so the shares of a request's first k-1 approvals wait here, sealed
-- under the server key with the request as associated data, until the k-th arrives: fewer than k shares reveal
-- nothing of the key. They are deleted when the threshold is reached and when they expire.
CREATE TABLE unseal_pending_share (
    request_id        BIGINT       NOT NULL,
    custodian_key_id  BIGINT       NOT NULL,
    share_index       INT          NOT NULL,
    sealed_share      BLOB         NOT NULL,
    created_at        TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (request_id, custodian_key_id, share_index)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- unseal_request and unseal_approval change only by the audited steps that insert them.
CREATE TRIGGER unseal_request_is_append_only_update BEFORE UPDATE ON unseal_request FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'unseal_request changes only through audited steps';

CREATE TRIGGER unseal_request_is_append_only_delete BEFORE DELETE ON unseal_request FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'unseal_request changes only through audited steps';

CREATE TRIGGER unseal_approval_is_append_only_update BEFORE UPDATE ON unseal_approval FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'unseal_approval is append-only';

CREATE TRIGGER unseal_approval_is_append_only_delete BEFORE DELETE ON unseal_approval FOR EACH ROW
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'unseal_approval is append-only';

-- Quarantined originals sealed to a custodian key name it here (NULL: sealed under the server key).
ALTER TABLE quarantine ADD COLUMN custodian_key_id BIGINT NULL;

-- Outbox rows that will not be sent again lose their receipt codes; this marks the rows retention has scrubbed.
ALTER TABLE outbox ADD COLUMN receipt_scrubbed_at TIMESTAMP(3) NULL;
