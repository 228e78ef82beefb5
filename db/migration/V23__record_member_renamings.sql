-- The names members carry inside a rebuilt archive's or attached mail's copy, each next to the original name it
-- stands for (redacted with the reporter's terms). They used to be entries of removed_metadata, whose 2000
-- characters cut the mapping of a large archive short; here every member has a row of its own.
CREATE TABLE member_renaming (
    attachment_id BIGINT       NOT NULL,
    position      INT          NOT NULL,             -- order in the copy's record, from 1
    container     VARCHAR(255) NOT NULL DEFAULT '',  -- '' for the attachment's own members, else 'Member:' per level
    copy_name     VARCHAR(64)  NOT NULL,             -- <n>-<8 hex>.<ext>, as in the copy
    original_name VARCHAR(255) NOT NULL,             -- recorded cut at 120 characters, redacted
    PRIMARY KEY (attachment_id, position),
    CONSTRAINT fk_member_renaming_attachment FOREIGN KEY (attachment_id) REFERENCES attachment (id) ON DELETE CASCADE
);
