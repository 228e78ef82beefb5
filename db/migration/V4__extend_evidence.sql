-- Evidence (issue 4): what Tika found in each attachment, the scrubbed copy monitors receive, and links
-- between tickets that share a file or a post. Metadata VALUES are never stored here, only field names.

ALTER TABLE attachment
    ADD COLUMN flags            VARCHAR(255)  NULL,   -- comma-separated: type-mismatch, executable-disguised, encrypted, zip-bomb...
    ADD COLUMN scrubbed_sha256  CHAR(64)      NULL,   -- the copy under <data-dir>/evidence, null when none could be made
    ADD COLUMN scrubbed_size    BIGINT        NULL,
    ADD COLUMN removed_metadata VARCHAR(2000) NULL,   -- names of the fields removed from the copy (EXIF:GPSLatitude, Core:creator...)
    ADD COLUMN extracted_text   MEDIUMTEXT    NULL,   -- Tika's text (and OCR), at most shahid.evidence.max-text-chars
    ADD COLUMN text_truncated   BOOLEAN       NOT NULL DEFAULT FALSE;

ALTER TABLE attachment ADD FULLTEXT INDEX ft_attachment_text (extracted_text);

-- What a ticket's evidence can be matched on: a file's SHA-256 (kind HASH) or a normalised URL (kind URL).
CREATE TABLE evidence_key (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    ticket_id   BIGINT        NOT NULL,
    kind        VARCHAR(8)    NOT NULL,
    value       VARCHAR(2048) NOT NULL,
    value_hash  CHAR(64)      NOT NULL,               -- SHA-256 of value, for the index
    created_at  TIMESTAMP(3)  NOT NULL,
    CONSTRAINT fk_evidence_key_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id),
    CONSTRAINT uq_evidence_key UNIQUE (ticket_id, kind, value_hash),
    INDEX ix_evidence_key_value (kind, value_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Two tickets that share a key; written in both directions so either ticket lists the other.
CREATE TABLE evidence_link (
    id               BIGINT AUTO_INCREMENT PRIMARY KEY,
    ticket_id        BIGINT       NOT NULL,
    linked_ticket_id BIGINT       NOT NULL,
    kind             VARCHAR(8)   NOT NULL,
    value_hash       CHAR(64)     NOT NULL,
    created_at       TIMESTAMP(3) NOT NULL,
    CONSTRAINT fk_evidence_link_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id),
    CONSTRAINT fk_evidence_link_linked FOREIGN KEY (linked_ticket_id) REFERENCES ticket (id),
    CONSTRAINT uq_evidence_link UNIQUE (ticket_id, linked_ticket_id, kind, value_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Documents found inside an attachment (archive members, attachments of attached mails, images in documents),
-- up to shahid.evidence.max-embedded-depth/-count. Their bytes stay in the sealed original.
CREATE TABLE attachment_member (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    attachment_id BIGINT       NOT NULL,
    ticket_id     BIGINT       NOT NULL,
    name          VARCHAR(255) NULL,
    detected_type VARCHAR(255) NULL,
    size_bytes    BIGINT       NOT NULL,
    sha256        CHAR(64)     NULL,                    -- null when bigger than 25 MB (not hashed)
    created_at    TIMESTAMP(3) NOT NULL,
    CONSTRAINT fk_member_attachment FOREIGN KEY (attachment_id) REFERENCES attachment (id),
    CONSTRAINT fk_member_ticket FOREIGN KEY (ticket_id) REFERENCES ticket (id),
    INDEX ix_member_sha256 (sha256)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
