-- 0001_create_schema (PostgreSQL 15): the whole data model of the first release (notes/model.md).
-- Applied by DbUp inside one transaction. Ids are uuid, instants timestamptz, dates date,
-- booleans boolean, strings varchar(n) where the model bounds them and text elsewhere.
-- The model's char(64) hashes are varchar(64) with a length CHECK: Npgsql sends .NET strings as
-- text, and comparing a char(n) column with a text parameter casts the column, so its index
-- would never be used.

CREATE TABLE departments (
    code        varchar(32)  NOT NULL,
    name        varchar(100) NOT NULL,
    short_name  varchar(50)  NOT NULL,
    credit_code varchar(18)  NULL,
    sort_order  integer      NOT NULL,
    created_at  timestamptz  NOT NULL,
    CONSTRAINT pk_departments PRIMARY KEY (code)
);

CREATE TABLE code_exceptions (
    code       varchar(18) NOT NULL,
    reason     text        NOT NULL,
    created_at timestamptz NOT NULL,
    created_by uuid        NULL,
    removed_at timestamptz NULL,
    removed_by uuid        NULL,
    CONSTRAINT pk_code_exceptions PRIMARY KEY (code)
);

CREATE TABLE api_clients (
    id              uuid         NOT NULL,
    name            varchar(100) NOT NULL,
    role            varchar(16)  NOT NULL,
    department_code varchar(32)  NULL,
    key_hash        varchar(64)  NOT NULL,
    key_hint        varchar(8)   NOT NULL,
    created_at      timestamptz  NOT NULL,
    created_by      uuid         NULL,
    revoked_at      timestamptz  NULL,
    revoked_by      uuid         NULL,
    CONSTRAINT pk_api_clients PRIMARY KEY (id),
    CONSTRAINT fk_api_clients_department_code FOREIGN KEY (department_code) REFERENCES departments (code),
    CONSTRAINT ux_api_clients_key_hash UNIQUE (key_hash),
    CONSTRAINT ck_api_clients_role CHECK (role IN ('admin', 'department', 'clerk', 'bidding')),
    CONSTRAINT ck_api_clients_department_code CHECK (role <> 'department' OR department_code IS NOT NULL),
    CONSTRAINT ck_api_clients_key_hash CHECK (length(key_hash) = 64)
);

CREATE TABLE list_types (
    code                    varchar(64)  NOT NULL,
    name                    varchar(100) NOT NULL,
    colour                  varchar(8)   NOT NULL,
    description             text         NOT NULL,
    legal_basis             text         NOT NULL,
    default_duration_months integer      NULL,
    removal_rule            text         NOT NULL,
    sort_order              integer      NOT NULL,
    CONSTRAINT pk_list_types PRIMARY KEY (code),
    CONSTRAINT ck_list_types_colour CHECK (colour IN ('red', 'black'))
);

CREATE TABLE catalogue_entries (
    code            varchar(64) NOT NULL,
    current_version integer     NOT NULL,
    department_code varchar(32) NOT NULL,
    is_demo         boolean     NOT NULL,
    created_at      timestamptz NOT NULL,
    CONSTRAINT pk_catalogue_entries PRIMARY KEY (code),
    CONSTRAINT fk_catalogue_entries_department_code FOREIGN KEY (department_code) REFERENCES departments (code)
);

CREATE TABLE catalogue_entry_versions (
    entry_code       varchar(64)  NOT NULL,
    version          integer      NOT NULL,
    name             varchar(200) NOT NULL,
    category         varchar(64)  NOT NULL,
    department_code  varchar(32)  NOT NULL,
    subject_types    text         NOT NULL,
    disclosure       varchar(16)  NOT NULL,
    polarity         varchar(16)  NOT NULL,
    list_code        varchar(64)  NULL,
    update_frequency varchar(32)  NOT NULL,
    publicity_rule   text         NOT NULL,
    legal_basis      text         NOT NULL,
    fields_schema    text         NOT NULL,
    created_at       timestamptz  NOT NULL,
    created_by       uuid         NULL,
    CONSTRAINT pk_catalogue_entry_versions PRIMARY KEY (entry_code, version),
    CONSTRAINT fk_catalogue_entry_versions_entry_code FOREIGN KEY (entry_code) REFERENCES catalogue_entries (code),
    CONSTRAINT fk_catalogue_entry_versions_department_code FOREIGN KEY (department_code) REFERENCES departments (code),
    CONSTRAINT fk_catalogue_entry_versions_list_code FOREIGN KEY (list_code) REFERENCES list_types (code),
    CONSTRAINT ck_catalogue_entry_versions_disclosure CHECK (disclosure IN ('public', 'shared', 'authorised')),
    CONSTRAINT ck_catalogue_entry_versions_polarity CHECK (polarity IN ('neutral', 'positive', 'negative'))
);

CREATE INDEX ix_catalogue_entry_versions_department_code ON catalogue_entry_versions (department_code);
CREATE INDEX ix_catalogue_entry_versions_category ON catalogue_entry_versions (category);
CREATE INDEX ix_catalogue_entry_versions_list_code ON catalogue_entry_versions (list_code);

CREATE TABLE subjects (
    id           uuid         NOT NULL,
    subject_type varchar(32)  NOT NULL,
    lookup_key   varchar(64)  NOT NULL,
    display_code varchar(18)  NOT NULL,
    name         varchar(200) NOT NULL,
    status       varchar(16)  NOT NULL,
    created_at   timestamptz  NOT NULL,
    updated_at   timestamptz  NOT NULL,
    CONSTRAINT pk_subjects PRIMARY KEY (id),
    CONSTRAINT ux_subjects_lookup_key UNIQUE (lookup_key),
    CONSTRAINT ck_subjects_subject_type CHECK (subject_type IN ('legal', 'individual_business', 'person')),
    CONSTRAINT ck_subjects_status CHECK (status IN ('active', 'deregistered'))
);

CREATE INDEX ix_subjects_name ON subjects (name);

CREATE TABLE subject_names (
    subject_id         uuid         NOT NULL,
    seq                integer      NOT NULL,
    name               varchar(200) NOT NULL,
    valid_from         timestamptz  NOT NULL,
    recorded_by_record uuid         NULL,
    CONSTRAINT pk_subject_names PRIMARY KEY (subject_id, seq),
    CONSTRAINT fk_subject_names_subject_id FOREIGN KEY (subject_id) REFERENCES subjects (id)
);

CREATE TABLE records (
    id               uuid         NOT NULL,
    department_code  varchar(32)  NOT NULL,
    catalogue_code   varchar(64)  NOT NULL,
    subject_id       uuid         NOT NULL,
    source_ref       varchar(128) NOT NULL,
    current_revision integer      NOT NULL,
    created_at       timestamptz  NOT NULL,
    created_by       uuid         NULL,
    CONSTRAINT pk_records PRIMARY KEY (id),
    CONSTRAINT fk_records_department_code FOREIGN KEY (department_code) REFERENCES departments (code),
    CONSTRAINT fk_records_catalogue_code FOREIGN KEY (catalogue_code) REFERENCES catalogue_entries (code),
    CONSTRAINT fk_records_subject_id FOREIGN KEY (subject_id) REFERENCES subjects (id),
    CONSTRAINT ux_records_department_code_source_ref UNIQUE (department_code, source_ref)
);

CREATE INDEX ix_records_subject_id ON records (subject_id);
CREATE INDEX ix_records_catalogue_code ON records (catalogue_code);

CREATE TABLE record_revisions (
    record_id       uuid        NOT NULL,
    revision        integer     NOT NULL,
    entry_version   integer     NOT NULL,
    fields          text        NOT NULL,
    decision_date   date        NOT NULL,
    severity        varchar(16) NULL,
    effective_from  date        NOT NULL,
    effective_to    date        NULL,
    publicity_until date        NULL,
    payload_hash    varchar(64) NOT NULL,
    recorded_at     timestamptz NOT NULL,
    recorded_by     uuid        NULL,
    CONSTRAINT pk_record_revisions PRIMARY KEY (record_id, revision),
    CONSTRAINT fk_record_revisions_record_id FOREIGN KEY (record_id) REFERENCES records (id),
    CONSTRAINT ck_record_revisions_severity CHECK (severity IN ('minor', 'general', 'serious')),
    CONSTRAINT ck_record_revisions_payload_hash CHECK (length(payload_hash) = 64)
);

CREATE INDEX ix_record_revisions_recorded_at ON record_revisions (recorded_at);

CREATE TABLE record_events (
    id               uuid        NOT NULL,
    record_id        uuid        NOT NULL,
    kind             varchar(16) NOT NULL,
    reason           text        NOT NULL,
    effective_on     date        NULL,
    new_effective_to date        NULL,
    recorded_at      timestamptz NOT NULL,
    recorded_by      uuid        NULL,
    CONSTRAINT pk_record_events PRIMARY KEY (id),
    CONSTRAINT fk_record_events_record_id FOREIGN KEY (record_id) REFERENCES records (id),
    CONSTRAINT ck_record_events_kind CHECK (kind IN ('revoked', 'repaired', 'performed', 'extended', 'objection', 'withdrawn'))
);

CREATE INDEX ix_record_events_record_id_recorded_at ON record_events (record_id, recorded_at);

CREATE TABLE measures (
    code            varchar(64) NOT NULL,
    current_version integer     NOT NULL,
    created_at      timestamptz NOT NULL,
    CONSTRAINT pk_measures PRIMARY KEY (code)
);

CREATE TABLE measure_versions (
    measure_code            varchar(64)  NOT NULL,
    version                 integer      NOT NULL,
    name                    varchar(200) NOT NULL,
    kind                    varchar(16)  NOT NULL,
    effect                  varchar(32)  NOT NULL,
    contexts                text         NOT NULL,
    legal_basis             text         NOT NULL,
    implementing_department text         NOT NULL,
    created_at              timestamptz  NOT NULL,
    created_by              uuid         NULL,
    CONSTRAINT pk_measure_versions PRIMARY KEY (measure_code, version),
    CONSTRAINT fk_measure_versions_measure_code FOREIGN KEY (measure_code) REFERENCES measures (code),
    CONSTRAINT ck_measure_versions_kind CHECK (kind IN ('punishment', 'incentive')),
    -- No measure without a basis in law or central policy (国办发〔2020〕49号): blank is not a basis.
    CONSTRAINT ck_measure_versions_legal_basis CHECK (btrim(legal_basis) <> '')
);

CREATE TABLE measure_list_types (
    measure_code varchar(64) NOT NULL,
    version      integer     NOT NULL,
    list_code    varchar(64) NOT NULL,
    CONSTRAINT pk_measure_list_types PRIMARY KEY (measure_code, version, list_code),
    CONSTRAINT fk_measure_list_types_measure_code_version FOREIGN KEY (measure_code, version) REFERENCES measure_versions (measure_code, version),
    CONSTRAINT fk_measure_list_types_list_code FOREIGN KEY (list_code) REFERENCES list_types (code)
);

CREATE INDEX ix_measure_list_types_list_code ON measure_list_types (list_code);

CREATE TABLE change_log (
    version    bigint      NOT NULL,
    subject_id uuid        NOT NULL,
    record_id  uuid        NULL,
    kind       varchar(32) NOT NULL,
    changed_at timestamptz NOT NULL,
    CONSTRAINT pk_change_log PRIMARY KEY (version),
    CONSTRAINT fk_change_log_subject_id FOREIGN KEY (subject_id) REFERENCES subjects (id)
);

CREATE INDEX ix_change_log_subject_id_version ON change_log (subject_id, version);

CREATE TABLE checks (
    id           uuid        NOT NULL,
    client_id    uuid        NOT NULL,
    context      varchar(32) NOT NULL,
    as_of        date        NOT NULL,
    known_at     timestamptz NOT NULL,
    checked_at   timestamptz NOT NULL,
    data_version bigint      NOT NULL,
    project_code varchar(64) NULL,
    request_json text        NOT NULL,
    results_json text        NOT NULL,
    leaf_index   bigint      NOT NULL,
    leaf_hash    varchar(64) NOT NULL,
    CONSTRAINT pk_checks PRIMARY KEY (id),
    CONSTRAINT fk_checks_client_id FOREIGN KEY (client_id) REFERENCES api_clients (id),
    CONSTRAINT ux_checks_leaf_index UNIQUE (leaf_index),
    CONSTRAINT ck_checks_leaf_hash CHECK (length(leaf_hash) = 64)
);

CREATE INDEX ix_checks_client_id_checked_at ON checks (client_id, checked_at);

CREATE TABLE check_feedback (
    id          uuid        NOT NULL,
    check_id    uuid        NOT NULL,
    bidder_ref  varchar(64) NOT NULL,
    action      varchar(32) NOT NULL,
    note        text        NULL,
    recorded_at timestamptz NOT NULL,
    client_id   uuid        NOT NULL,
    CONSTRAINT pk_check_feedback PRIMARY KEY (id),
    CONSTRAINT fk_check_feedback_check_id FOREIGN KEY (check_id) REFERENCES checks (id),
    CONSTRAINT fk_check_feedback_client_id FOREIGN KEY (client_id) REFERENCES api_clients (id)
);

CREATE INDEX ix_check_feedback_check_id ON check_feedback (check_id);

CREATE TABLE tree_heads (
    tree_size bigint      NOT NULL,
    root_hash varchar(64) NOT NULL,
    signed_at timestamptz NOT NULL,
    key_id    varchar(64) NOT NULL,
    algorithm varchar(32) NOT NULL,
    signature text        NOT NULL,
    CONSTRAINT pk_tree_heads PRIMARY KEY (tree_size),
    CONSTRAINT ck_tree_heads_root_hash CHECK (length(root_hash) = 64)
);

CREATE TABLE reports (
    number              varchar(32)  NOT NULL,
    verification_hash   varchar(64)  NOT NULL,
    subject_id          uuid         NOT NULL,
    subject_name        varchar(200) NOT NULL,
    issued_at           timestamptz  NOT NULL,
    issued_by           uuid         NOT NULL,
    issuing_window      text         NOT NULL,
    purpose             text         NOT NULL,
    requester_name      text         NOT NULL,
    requester_id_masked varchar(18)  NULL,
    authorised          boolean      NOT NULL,
    content_json        text         NOT NULL,
    CONSTRAINT pk_reports PRIMARY KEY (number),
    CONSTRAINT fk_reports_subject_id FOREIGN KEY (subject_id) REFERENCES subjects (id),
    CONSTRAINT fk_reports_issued_by FOREIGN KEY (issued_by) REFERENCES api_clients (id),
    CONSTRAINT ck_reports_verification_hash CHECK (length(verification_hash) = 64)
);

CREATE INDEX ix_reports_subject_id ON reports (subject_id);
CREATE INDEX ix_reports_issued_at ON reports (issued_at);

CREATE TABLE report_counters (
    day        date    NOT NULL,
    last_value integer NOT NULL,
    CONSTRAINT pk_report_counters PRIMARY KEY (day)
);

CREATE TABLE audit_log (
    seq          bigint      NOT NULL,
    at           timestamptz NOT NULL,
    client_id    uuid        NULL,
    client_name  text        NULL,
    role         varchar(16) NULL,
    action       varchar(32) NOT NULL,
    subject_id   uuid        NULL,
    subject_code varchar(18) NULL,
    purpose      text        NULL,
    result_count integer     NOT NULL,
    prev_hash    varchar(64) NOT NULL,
    hash         varchar(64) NOT NULL,
    CONSTRAINT pk_audit_log PRIMARY KEY (seq),
    CONSTRAINT ck_audit_log_role CHECK (role IN ('admin', 'department', 'clerk', 'bidding')),
    CONSTRAINT ck_audit_log_prev_hash CHECK (length(prev_hash) = 64),
    CONSTRAINT ck_audit_log_hash CHECK (length(hash) = 64)
);

CREATE INDEX ix_audit_log_subject_id_seq ON audit_log (subject_id, seq);
CREATE INDEX ix_audit_log_client_id_seq ON audit_log (client_id, seq);
CREATE INDEX ix_audit_log_at ON audit_log (at);
