-- 0004_create_access_audit (SQL Server 2022): the access log. Every read of non-public subject data, every credit
-- report and every check leaves one entry. Entries are numbered without gaps from 1 and chained: hash is SHA-256
-- over the entry's fields and previous_hash (the hash of the entry before; 64 zeros for the first), so an altered,
-- removed or moved entry is found by walking the chain. The trigger keeps the table append-only for anything short
-- of disabling it, which the chain then reveals. CREATE TRIGGER must open its batch, and a migration is one batch,
-- hence EXEC.
CREATE TABLE dbo.access_audit (
    sequence        bigint            NOT NULL,
    recorded_at     datetimeoffset(7) NOT NULL,
    client_id       uniqueidentifier  NULL,
    client_name     nvarchar(100)     NULL,
    role            nvarchar(16)      NULL,
    action          nvarchar(32)      NOT NULL,
    subject_key     nvarchar(64)      NULL,
    subject_display nvarchar(300)     NULL,
    purpose         nvarchar(500)     NULL,
    result_size     int               NOT NULL,
    reference       nvarchar(64)      NULL,
    previous_hash   nvarchar(64)      NOT NULL,
    hash            nvarchar(64)      NOT NULL,
    CONSTRAINT pk_access_audit PRIMARY KEY CLUSTERED (sequence),
    CONSTRAINT ck_access_audit_sequence CHECK (sequence >= 1),
    CONSTRAINT ck_access_audit_result_size CHECK (result_size >= 0),
    CONSTRAINT ck_access_audit_previous_hash CHECK (LEN(previous_hash) = 64),
    CONSTRAINT ck_access_audit_hash CHECK (LEN(hash) = 64)
);

CREATE INDEX ix_access_audit_client_id_sequence ON dbo.access_audit (client_id, sequence);
CREATE INDEX ix_access_audit_subject_key_sequence ON dbo.access_audit (subject_key, sequence);
CREATE INDEX ix_access_audit_action_sequence ON dbo.access_audit (action, sequence);
CREATE INDEX ix_access_audit_recorded_at ON dbo.access_audit (recorded_at);

EXEC (N'CREATE TRIGGER dbo.tr_access_audit_no_change ON dbo.access_audit AFTER UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    THROW 51000, N''access_audit is append-only'', 1;
END');
