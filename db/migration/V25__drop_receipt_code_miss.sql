-- Wrong receipt codes are counted in send_limit_window (a keyed counter per sender and clock hour, read under its
-- row lock); receipt_code_miss is no longer written, and its old rows (a sender's rate key and a time) are of no use.
DROP TABLE IF EXISTS receipt_code_miss;
