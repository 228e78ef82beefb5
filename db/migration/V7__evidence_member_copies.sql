-- Evidence (issue 4): each embedded document opened (archive member, a forwarded mail's attachment) is evidence
-- of its own: its original sealed under <data-dir>/sealed/evidence/<sha256>, its scrubbed copy under
-- <data-dir>/evidence. As for attachments, metadata VALUES are never stored, only field names.

ALTER TABLE attachment_member
    ADD COLUMN original_sealed  BOOLEAN       NOT NULL DEFAULT FALSE, -- original in the sealed store, key evidence/<sha256>
    ADD COLUMN scrubbed_sha256  CHAR(64)      NULL,                   -- the copy under <data-dir>/evidence, null when none
    ADD COLUMN scrubbed_size    BIGINT        NULL,
    ADD COLUMN removed_metadata VARCHAR(2000) NULL,                   -- names of the fields removed from the copy
    ADD COLUMN flags            VARCHAR(255)  NULL;                   -- not-scrubbed, scrub-failed, encrypted, not-kept...
