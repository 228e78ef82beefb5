-- The files a queued mail carries: written in the transaction that queues the mail, read when it is sent.
-- Only the scrubbed copy's hash is kept; the bytes stay in the scrubbed-copy store (content-addressed), so a
-- crash or a retry rebuilds the same message.
CREATE TABLE outbox_attachment (
    outbox_id       BIGINT       NOT NULL,
    position        INT          NOT NULL,
    file_name       VARCHAR(255) NOT NULL,
    content_type    VARCHAR(255) NOT NULL,
    scrubbed_sha256 CHAR(64)     NOT NULL,
    PRIMARY KEY (outbox_id, position),
    CONSTRAINT fk_outbox_attachment_outbox FOREIGN KEY (outbox_id) REFERENCES outbox (id) ON DELETE CASCADE
);
