-- Renamings at every depth: a member of an archive inside an archive (or an attached mail's zip) names the archive
-- that holds it by its path in the copy, and an embedded document kept as evidence of its own (an attachment_member
-- row that is an archive or a mail) has its members' renamings here too instead of in its removed_metadata, whose
-- 2000 characters cut them short.
ALTER TABLE member_renaming
    ADD COLUMN parent    VARCHAR(500) NOT NULL DEFAULT '' AFTER container, -- path in the copy of the archive holding it, '' at the top
    ADD COLUMN member_id BIGINT       NULL AFTER attachment_id,            -- the attachment_member whose copy this maps, null: the attachment's
    ADD CONSTRAINT fk_member_renaming_member FOREIGN KEY (member_id) REFERENCES attachment_member (id) ON DELETE CASCADE;
