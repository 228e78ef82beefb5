-- Named locks as rows: SELECT ... FOR UPDATE on a row works on MariaDB, its replicas' primary and Galera, where
-- GET_LOCK does not. 'evidence-links' serialises the linking of evidence across instances.
CREATE TABLE cluster_lock (
    name VARCHAR(64) PRIMARY KEY
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO cluster_lock (name) VALUES ('evidence-links');
