-- 0004_create_access_audit (PostgreSQL): the access log. Every read of non-public subject data, every credit report
-- and every check leaves one entry. Entries are numbered without gaps from 1 and chained: hash is SHA-256 over the
-- entry's fields and previous_hash (the hash of the entry before; 64 zeros for the first), so an altered, removed
-- or moved entry is found by walking the chain. The triggers keep the table append-only for anything short of
-- disabling them, which the chain then reveals.
CREATE TABLE access_audit (
    sequence        bigint       NOT NULL,
    recorded_at     timestamptz  NOT NULL,
    client_id       uuid         NULL,
    client_name     varchar(100) NULL,
    role            varchar(16)  NULL,
    action          varchar(32)  NOT NULL,
    subject_key     varchar(64)  NULL,
    subject_display varchar(300) NULL,
    purpose         varchar(500) NULL,
    result_size     integer      NOT NULL,
    reference       varchar(64)  NULL,
    previous_hash   varchar(64)  NOT NULL,
    hash            varchar(64)  NOT NULL,
    CONSTRAINT pk_access_audit PRIMARY KEY (sequence),
    CONSTRAINT ck_access_audit_sequence CHECK (sequence >= 1),
    CONSTRAINT ck_access_audit_result_size CHECK (result_size >= 0),
    CONSTRAINT ck_access_audit_previous_hash CHECK (length(previous_hash) = 64),
    CONSTRAINT ck_access_audit_hash CHECK (length(hash) = 64)
);

CREATE INDEX ix_access_audit_client_id_sequence ON access_audit (client_id, sequence);
CREATE INDEX ix_access_audit_subject_key_sequence ON access_audit (subject_key, sequence);
CREATE INDEX ix_access_audit_action_sequence ON access_audit (action, sequence);
CREATE INDEX ix_access_audit_recorded_at ON access_audit (recorded_at);

CREATE FUNCTION access_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'access_audit is append-only' USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER tr_access_audit_no_change BEFORE UPDATE OR DELETE ON access_audit
    FOR EACH ROW EXECUTE FUNCTION access_audit_append_only();

CREATE TRIGGER tr_access_audit_no_truncate BEFORE TRUNCATE ON access_audit
    FOR EACH STATEMENT EXECUTE FUNCTION access_audit_append_only();
