-- Reconciliation compares each folder key by key: it remembers the key of every mail it has accounted for, so a
-- quarantine record whose mail has left the Quarantine folder is found without fetching the folder again.
-- The rows kept so far carry no key; they are a cache, so they are dropped and refilled by the next run.
DELETE FROM reconciled_mail;
ALTER TABLE reconciled_mail ADD COLUMN mail_key CHAR(64) NULL;

-- What a run found in the Quarantine folder that does not match the quarantine table.
ALTER TABLE reconciliation_run
    ADD COLUMN quarantined_without_record INT NOT NULL DEFAULT 0,
    ADD COLUMN records_without_mail INT NOT NULL DEFAULT 0;
