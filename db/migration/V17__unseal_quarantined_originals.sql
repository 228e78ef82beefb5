-- An unseal request names either a ticket (its identity records are revealed) or a held quarantine entry whose
-- original is sealed to the custodians (it is opened for release into intake, never shown).
ALTER TABLE unseal_request
    MODIFY ticket_id BIGINT NULL,
    ADD COLUMN quarantine_id BIGINT NULL;
