-- The sealed store: the only table that holds a reporter's identity, and only as ciphertext under a key
-- outside the database. Kept apart from the ticket tables so that the account serving monitors can be
-- denied it by a table grant (see README, "Anonymity").

CREATE TABLE sealed_identity (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    ticket_id     BIGINT       NOT NULL,
    message_id    BIGINT       NOT NULL,               -- the ticket_message whose sender this is
    key_id        BIGINT       NOT NULL,               -- Tink key id of the primary key at sealing time
    ciphertext    BLOB         NOT NULL,               -- AEAD over the identifying header block, AD = ticket id
    sealed_raw    VARCHAR(128) NULL,                   -- key of the encrypted original message in the blob store
    created_at    TIMESTAMP(3) NOT NULL,
    purged_at     TIMESTAMP(3) NULL,
    INDEX ix_sealed_ticket (ticket_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
