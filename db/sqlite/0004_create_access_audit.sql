-- 0004_create_access_audit (SQLite): the access log. Every read of non-public subject data, every credit report and
-- every check leaves one entry. Entries are numbered without gaps from 1 and chained: hash is SHA-256 over the
-- entry's fields and previous_hash (the hash of the entry before; 64 zeros for the first), so an altered, removed
-- or moved entry is found by walking the chain. The triggers keep the table append-only for anything short of
-- dropping them, which the chain then reveals.
CREATE TABLE access_audit (
    sequence        INTEGER NOT NULL CONSTRAINT ck_access_audit_sequence CHECK (sequence >= 1),
    recorded_at     TEXT    NOT NULL CONSTRAINT ck_access_audit_recorded_at CHECK (recorded_at GLOB '????-??-?? ??:??:??*+00:00'),
    client_id       TEXT    NULL     CONSTRAINT ck_access_audit_client_id CHECK (length(client_id) = 36 AND client_id NOT GLOB '*[^0-9A-F-]*'),
    client_name     TEXT    NULL     CONSTRAINT ck_access_audit_client_name CHECK (length(client_name) <= 100),
    role            TEXT    NULL     CONSTRAINT ck_access_audit_role CHECK (length(role) <= 16),
    action          TEXT    NOT NULL CONSTRAINT ck_access_audit_action CHECK (length(action) <= 32),
    subject_key     TEXT    NULL     CONSTRAINT ck_access_audit_subject_key CHECK (length(subject_key) <= 64),
    subject_display TEXT    NULL     CONSTRAINT ck_access_audit_subject_display CHECK (length(subject_display) <= 300),
    purpose         TEXT    NULL     CONSTRAINT ck_access_audit_purpose CHECK (length(purpose) <= 500),
    result_size     INTEGER NOT NULL CONSTRAINT ck_access_audit_result_size CHECK (result_size >= 0),
    reference       TEXT    NULL     CONSTRAINT ck_access_audit_reference CHECK (length(reference) <= 64),
    previous_hash   TEXT    NOT NULL CONSTRAINT ck_access_audit_previous_hash CHECK (length(previous_hash) = 64),
    hash            TEXT    NOT NULL CONSTRAINT ck_access_audit_hash CHECK (length(hash) = 64),
    CONSTRAINT pk_access_audit PRIMARY KEY (sequence)
) STRICT;

CREATE INDEX ix_access_audit_client_id_sequence ON access_audit (client_id, sequence);
CREATE INDEX ix_access_audit_subject_key_sequence ON access_audit (subject_key, sequence);
CREATE INDEX ix_access_audit_action_sequence ON access_audit (action, sequence);
CREATE INDEX ix_access_audit_recorded_at ON access_audit (recorded_at);

CREATE TRIGGER tr_access_audit_no_update BEFORE UPDATE ON access_audit
BEGIN
    SELECT RAISE(ABORT, 'access_audit is append-only');
END;

CREATE TRIGGER tr_access_audit_no_delete BEFORE DELETE ON access_audit
BEGIN
    SELECT RAISE(ABORT, 'access_audit is append-only');
END;
