-- An identity kept only to deliver one last mail (the confirmation of an erasure): it holds the reply address
-- alone, no mail is addressed to it but that one, and the outbox purges it in the statement that records the
-- mail as sent (or failed for good).
ALTER TABLE sealed_identity ADD COLUMN purge_when_sent BOOLEAN NOT NULL DEFAULT FALSE;
