-- The ids (not the keys) of the Tink keys that sealed the database's records. An instance whose keysets lack one
-- of them could not open those records, so it refuses to start instead of failing row by row.
CREATE TABLE keyset_key (
    keyset      VARCHAR(32)  NOT NULL,                 -- sealing-aead, sealing-streaming, pseudonym-prf
    key_id      BIGINT       NOT NULL,                 -- Tink's 32-bit key id, unsigned
    recorded_at TIMESTAMP(3) NOT NULL,
    PRIMARY KEY (keyset, key_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
