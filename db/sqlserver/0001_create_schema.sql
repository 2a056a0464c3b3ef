-- 0001_create_schema (SQL Server 2022): the whole data model of the first release (notes/model.md).
-- Applied by DbUp inside one transaction as a single batch (no GO). Ids are uniqueidentifier,
-- instants datetimeoffset(7), dates date, booleans bit, and every string is nvarchar, bounded
-- where the model bounds it (index keys stay far below 1700 bytes), so .NET's default nvarchar
-- parameters never force a conversion of an indexed column. The model's char(64) hashes are
-- nvarchar(64) with a length CHECK, as in PostgreSQL. Objects are created in dbo whatever the
-- migrating login's default schema is.

CREATE TABLE dbo.departments (
    code        nvarchar(32)      NOT NULL,
    name        nvarchar(100)     NOT NULL,
    short_name  nvarchar(50)      NOT NULL,
    credit_code nvarchar(18)      NULL,
    sort_order  int               NOT NULL,
    created_at  datetimeoffset(7) NOT NULL,
    CONSTRAINT pk_departments PRIMARY KEY (code)
);

CREATE TABLE dbo.code_exceptions (
    code       nvarchar(18)      NOT NULL,
    reason     nvarchar(max)     NOT NULL,
    created_at datetimeoffset(7) NOT NULL,
    created_by uniqueidentifier  NULL,
    removed_at datetimeoffset(7) NULL,
    removed_by uniqueidentifier  NULL,
    CONSTRAINT pk_code_exceptions PRIMARY KEY (code)
);

CREATE TABLE dbo.api_clients (
    id              uniqueidentifier  NOT NULL,
    name            nvarchar(100)     NOT NULL,
    role            nvarchar(16)      NOT NULL,
    department_code nvarchar(32)      NULL,
    key_hash        nvarchar(64)      NOT NULL,
    key_hint        nvarchar(8)       NOT NULL,
    created_at      datetimeoffset(7) NOT NULL,
    created_by      uniqueidentifier  NULL,
    revoked_at      datetimeoffset(7) NULL,
    revoked_by      uniqueidentifier  NULL,
    CONSTRAINT pk_api_clients PRIMARY KEY (id),
    CONSTRAINT fk_api_clients_department_code FOREIGN KEY (department_code) REFERENCES dbo.departments (code),
    CONSTRAINT ux_api_clients_key_hash UNIQUE (key_hash),
    CONSTRAINT ck_api_clients_role CHECK (role IN (N'admin', N'department', N'clerk', N'bidding')),
    CONSTRAINT ck_api_clients_department_code CHECK (role <> N'department' OR department_code IS NOT NULL),
    CONSTRAINT ck_api_clients_key_hash CHECK (LEN(key_hash) = 64)
);

CREATE TABLE dbo.list_types (
    code                    nvarchar(64)  NOT NULL,
    name                    nvarchar(100) NOT NULL,
    colour                  nvarchar(8)   NOT NULL,
    description             nvarchar(max) NOT NULL,
    legal_basis             nvarchar(max) NOT NULL,
    default_duration_months int           NULL,
    removal_rule            nvarchar(max) NOT NULL,
    sort_order              int           NOT NULL,
    CONSTRAINT pk_list_types PRIMARY KEY (code),
    CONSTRAINT ck_list_types_colour CHECK (colour IN (N'red', N'black'))
);

CREATE TABLE dbo.catalogue_entries (
    code            nvarchar(64)      NOT NULL,
    current_version int               NOT NULL,
    department_code nvarchar(32)      NOT NULL,
    is_demo         bit               NOT NULL,
    created_at      datetimeoffset(7) NOT NULL,
    CONSTRAINT pk_catalogue_entries PRIMARY KEY (code),
    CONSTRAINT fk_catalogue_entries_department_code FOREIGN KEY (department_code) REFERENCES dbo.departments (code)
);

CREATE TABLE dbo.catalogue_entry_versions (
    entry_code       nvarchar(64)      NOT NULL,
    version          int               NOT NULL,
    name             nvarchar(200)     NOT NULL,
    category         nvarchar(64)      NOT NULL,
    department_code  nvarchar(32)      NOT NULL,
    subject_types    nvarchar(max)     NOT NULL,
    disclosure       nvarchar(16)      NOT NULL,
    polarity         nvarchar(16)      NOT NULL,
    list_code        nvarchar(64)      NULL,
    update_frequency nvarchar(32)      NOT NULL,
    publicity_rule   nvarchar(max)     NOT NULL,
    legal_basis      nvarchar(max)     NOT NULL,
    fields_schema    nvarchar(max)     NOT NULL,
    created_at       datetimeoffset(7) NOT NULL,
    created_by       uniqueidentifier  NULL,
    CONSTRAINT pk_catalogue_entry_versions PRIMARY KEY (entry_code, version),
    CONSTRAINT fk_catalogue_entry_versions_entry_code FOREIGN KEY (entry_code) REFERENCES dbo.catalogue_entries (code),
    CONSTRAINT fk_catalogue_entry_versions_department_code FOREIGN KEY (department_code) REFERENCES dbo.departments (code),
    CONSTRAINT fk_catalogue_entry_versions_list_code FOREIGN KEY (list_code) REFERENCES dbo.list_types (code),
    CONSTRAINT ck_catalogue_entry_versions_disclosure CHECK (disclosure IN (N'public', N'shared', N'authorised')),
    CONSTRAINT ck_catalogue_entry_versions_polarity CHECK (polarity IN (N'neutral', N'positive', N'negative'))
);

CREATE INDEX ix_catalogue_entry_versions_department_code ON dbo.catalogue_entry_versions (department_code);
CREATE INDEX ix_catalogue_entry_versions_category ON dbo.catalogue_entry_versions (category);
CREATE INDEX ix_catalogue_entry_versions_list_code ON dbo.catalogue_entry_versions (list_code);

CREATE TABLE dbo.subjects (
    id           uniqueidentifier  NOT NULL,
    subject_type nvarchar(32)      NOT NULL,
    lookup_key   nvarchar(64)      NOT NULL,
    display_code nvarchar(18)      NOT NULL,
    name         nvarchar(200)     NOT NULL,
    status       nvarchar(16)      NOT NULL,
    created_at   datetimeoffset(7) NOT NULL,
    updated_at   datetimeoffset(7) NOT NULL,
    CONSTRAINT pk_subjects PRIMARY KEY (id),
    CONSTRAINT ux_subjects_lookup_key UNIQUE (lookup_key),
    CONSTRAINT ck_subjects_subject_type CHECK (subject_type IN (N'legal', N'individual_business', N'person')),
    CONSTRAINT ck_subjects_status CHECK (status IN (N'active', N'deregistered'))
);

CREATE INDEX ix_subjects_name ON dbo.subjects (name);

CREATE TABLE dbo.subject_names (
    subject_id         uniqueidentifier  NOT NULL,
    seq                int               NOT NULL,
    name               nvarchar(200)     NOT NULL,
    valid_from         datetimeoffset(7) NOT NULL,
    recorded_by_record uniqueidentifier  NULL,
    CONSTRAINT pk_subject_names PRIMARY KEY (subject_id, seq),
    CONSTRAINT fk_subject_names_subject_id FOREIGN KEY (subject_id) REFERENCES dbo.subjects (id)
);

CREATE TABLE dbo.records (
    id               uniqueidentifier  NOT NULL,
    department_code  nvarchar(32)      NOT NULL,
    catalogue_code   nvarchar(64)      NOT NULL,
    subject_id       uniqueidentifier  NOT NULL,
    source_ref       nvarchar(128)     NOT NULL,
    current_revision int               NOT NULL,
    created_at       datetimeoffset(7) NOT NULL,
    created_by       uniqueidentifier  NULL,
    CONSTRAINT pk_records PRIMARY KEY (id),
    CONSTRAINT fk_records_department_code FOREIGN KEY (department_code) REFERENCES dbo.departments (code),
    CONSTRAINT fk_records_catalogue_code FOREIGN KEY (catalogue_code) REFERENCES dbo.catalogue_entries (code),
    CONSTRAINT fk_records_subject_id FOREIGN KEY (subject_id) REFERENCES dbo.subjects (id),
    CONSTRAINT ux_records_department_code_source_ref UNIQUE (department_code, source_ref)
);

CREATE INDEX ix_records_subject_id ON dbo.records (subject_id);
CREATE INDEX ix_records_catalogue_code ON dbo.records (catalogue_code);

CREATE TABLE dbo.record_revisions (
    record_id       uniqueidentifier  NOT NULL,
    revision        int               NOT NULL,
    entry_version   int               NOT NULL,
    fields          nvarchar(max)     NOT NULL,
    decision_date   date              NOT NULL,
    severity        nvarchar(16)      NULL,
    effective_from  date              NOT NULL,
    effective_to    date              NULL,
    publicity_until date              NULL,
    payload_hash    nvarchar(64)      NOT NULL,
    recorded_at     datetimeoffset(7) NOT NULL,
    recorded_by     uniqueidentifier  NULL,
    CONSTRAINT pk_record_revisions PRIMARY KEY (record_id, revision),
    CONSTRAINT fk_record_revisions_record_id FOREIGN KEY (record_id) REFERENCES dbo.records (id),
    CONSTRAINT ck_record_revisions_severity CHECK (severity IN (N'minor', N'general', N'serious')),
    CONSTRAINT ck_record_revisions_payload_hash CHECK (LEN(payload_hash) = 64)
);

CREATE INDEX ix_record_revisions_recorded_at ON dbo.record_revisions (recorded_at);

CREATE TABLE dbo.record_events (
    id               uniqueidentifier  NOT NULL,
    record_id        uniqueidentifier  NOT NULL,
    kind             nvarchar(16)      NOT NULL,
    reason           nvarchar(max)     NOT NULL,
    effective_on     date              NULL,
    new_effective_to date              NULL,
    recorded_at      datetimeoffset(7) NOT NULL,
    recorded_by      uniqueidentifier  NULL,
    CONSTRAINT pk_record_events PRIMARY KEY (id),
    CONSTRAINT fk_record_events_record_id FOREIGN KEY (record_id) REFERENCES dbo.records (id),
    CONSTRAINT ck_record_events_kind CHECK (kind IN (N'revoked', N'repaired', N'performed', N'extended', N'objection', N'withdrawn'))
);

CREATE INDEX ix_record_events_record_id_recorded_at ON dbo.record_events (record_id, recorded_at);

CREATE TABLE dbo.measures (
    code            nvarchar(64)      NOT NULL,
    current_version int               NOT NULL,
    created_at      datetimeoffset(7) NOT NULL,
    CONSTRAINT pk_measures PRIMARY KEY (code)
);

CREATE TABLE dbo.measure_versions (
    measure_code            nvarchar(64)      NOT NULL,
    version                 int               NOT NULL,
    name                    nvarchar(200)     NOT NULL,
    kind                    nvarchar(16)      NOT NULL,
    effect                  nvarchar(32)      NOT NULL,
    contexts                nvarchar(max)     NOT NULL,
    legal_basis             nvarchar(max)     NOT NULL,
    implementing_department nvarchar(max)     NOT NULL,
    created_at              datetimeoffset(7) NOT NULL,
    created_by              uniqueidentifier  NULL,
    CONSTRAINT pk_measure_versions PRIMARY KEY (measure_code, version),
    CONSTRAINT fk_measure_versions_measure_code FOREIGN KEY (measure_code) REFERENCES dbo.measures (code),
    CONSTRAINT ck_measure_versions_kind CHECK (kind IN (N'punishment', N'incentive')),
    -- No measure without a basis in law or central policy (国办发〔2020〕49号): blank is not a basis.
    CONSTRAINT ck_measure_versions_legal_basis CHECK (TRIM(legal_basis) <> N'')
);

CREATE TABLE dbo.measure_list_types (
    measure_code nvarchar(64) NOT NULL,
    version      int          NOT NULL,
    list_code    nvarchar(64) NOT NULL,
    CONSTRAINT pk_measure_list_types PRIMARY KEY (measure_code, version, list_code),
    CONSTRAINT fk_measure_list_types_measure_code_version FOREIGN KEY (measure_code, version) REFERENCES dbo.measure_versions (measure_code, version),
    CONSTRAINT fk_measure_list_types_list_code FOREIGN KEY (list_code) REFERENCES dbo.list_types (code)
);

CREATE INDEX ix_measure_list_types_list_code ON dbo.measure_list_types (list_code);

CREATE TABLE dbo.change_log (
    version    bigint            NOT NULL,
    subject_id uniqueidentifier  NOT NULL,
    record_id  uniqueidentifier  NULL,
    kind       nvarchar(32)      NOT NULL,
    changed_at datetimeoffset(7) NOT NULL,
    CONSTRAINT pk_change_log PRIMARY KEY (version),
    CONSTRAINT fk_change_log_subject_id FOREIGN KEY (subject_id) REFERENCES dbo.subjects (id)
);

CREATE INDEX ix_change_log_subject_id_version ON dbo.change_log (subject_id, version);

-- Clustered on leaf_index, not id: checks arrive in leaf order, while SQL Server sorts a
-- uniqueidentifier by its last six bytes first, so version-7 ids would land at random pages.
CREATE TABLE dbo.checks (
    id           uniqueidentifier  NOT NULL,
    client_id    uniqueidentifier  NOT NULL,
    context      nvarchar(32)      NOT NULL,
    as_of        date              NOT NULL,
    known_at     datetimeoffset(7) NOT NULL,
    checked_at   datetimeoffset(7) NOT NULL,
    data_version bigint            NOT NULL,
    project_code nvarchar(64)      NULL,
    request_json nvarchar(max)     NOT NULL,
    results_json nvarchar(max)     NOT NULL,
    leaf_index   bigint            NOT NULL,
    leaf_hash    nvarchar(64)      NOT NULL,
    CONSTRAINT pk_checks PRIMARY KEY NONCLUSTERED (id),
    CONSTRAINT fk_checks_client_id FOREIGN KEY (client_id) REFERENCES dbo.api_clients (id),
    CONSTRAINT ux_checks_leaf_index UNIQUE CLUSTERED (leaf_index),
    CONSTRAINT ck_checks_leaf_hash CHECK (LEN(leaf_hash) = 64)
);

CREATE INDEX ix_checks_client_id_checked_at ON dbo.checks (client_id, checked_at);

CREATE TABLE dbo.check_feedback (
    id          uniqueidentifier  NOT NULL,
    check_id    uniqueidentifier  NOT NULL,
    bidder_ref  nvarchar(64)      NOT NULL,
    action      nvarchar(32)      NOT NULL,
    note        nvarchar(max)     NULL,
    recorded_at datetimeoffset(7) NOT NULL,
    client_id   uniqueidentifier  NOT NULL,
    CONSTRAINT pk_check_feedback PRIMARY KEY (id),
    CONSTRAINT fk_check_feedback_check_id FOREIGN KEY (check_id) REFERENCES dbo.checks (id),
    CONSTRAINT fk_check_feedback_client_id FOREIGN KEY (client_id) REFERENCES dbo.api_clients (id)
);

CREATE INDEX ix_check_feedback_check_id ON dbo.check_feedback (check_id);

CREATE TABLE dbo.tree_heads (
    tree_size bigint            NOT NULL,
    root_hash nvarchar(64)      NOT NULL,
    signed_at datetimeoffset(7) NOT NULL,
    key_id    nvarchar(64)      NOT NULL,
    algorithm nvarchar(32)      NOT NULL,
    signature nvarchar(max)     NOT NULL,
    CONSTRAINT pk_tree_heads PRIMARY KEY (tree_size),
    CONSTRAINT ck_tree_heads_root_hash CHECK (LEN(root_hash) = 64)
);

CREATE TABLE dbo.reports (
    number              nvarchar(32)      NOT NULL,
    verification_hash   nvarchar(64)      NOT NULL,
    subject_id          uniqueidentifier  NOT NULL,
    subject_name        nvarchar(200)     NOT NULL,
    issued_at           datetimeoffset(7) NOT NULL,
    issued_by           uniqueidentifier  NOT NULL,
    issuing_window      nvarchar(max)     NOT NULL,
    purpose             nvarchar(max)     NOT NULL,
    requester_name      nvarchar(max)     NOT NULL,
    requester_id_masked nvarchar(18)      NULL,
    authorised          bit               NOT NULL,
    content_json        nvarchar(max)     NOT NULL,
    CONSTRAINT pk_reports PRIMARY KEY (number),
    CONSTRAINT fk_reports_subject_id FOREIGN KEY (subject_id) REFERENCES dbo.subjects (id),
    CONSTRAINT fk_reports_issued_by FOREIGN KEY (issued_by) REFERENCES dbo.api_clients (id),
    CONSTRAINT ck_reports_verification_hash CHECK (LEN(verification_hash) = 64)
);

CREATE INDEX ix_reports_subject_id ON dbo.reports (subject_id);
CREATE INDEX ix_reports_issued_at ON dbo.reports (issued_at);

CREATE TABLE dbo.report_counters (
    day        date NOT NULL,
    last_value int  NOT NULL,
    CONSTRAINT pk_report_counters PRIMARY KEY (day)
);

CREATE TABLE dbo.audit_log (
    seq          bigint            NOT NULL,
    at           datetimeoffset(7) NOT NULL,
    client_id    uniqueidentifier  NULL,
    client_name  nvarchar(max)     NULL,
    role         nvarchar(16)      NULL,
    action       nvarchar(32)      NOT NULL,
    subject_id   uniqueidentifier  NULL,
    subject_code nvarchar(18)      NULL,
    purpose      nvarchar(max)     NULL,
    result_count int               NOT NULL,
    prev_hash    nvarchar(64)      NOT NULL,
    hash         nvarchar(64)      NOT NULL,
    CONSTRAINT pk_audit_log PRIMARY KEY (seq),
    CONSTRAINT ck_audit_log_role CHECK (role IN (N'admin', N'department', N'clerk', N'bidding')),
    CONSTRAINT ck_audit_log_prev_hash CHECK (LEN(prev_hash) = 64),
    CONSTRAINT ck_audit_log_hash CHECK (LEN(hash) = 64)
);

CREATE INDEX ix_audit_log_subject_id_seq ON dbo.audit_log (subject_id, seq);
CREATE INDEX ix_audit_log_client_id_seq ON dbo.audit_log (client_id, seq);
CREATE INDEX ix_audit_log_at ON dbo.audit_log (at);
