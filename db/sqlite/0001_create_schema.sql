-- 0001_create_schema (SQLite): the whole data model of the first release (notes/model.md).
-- Applied by DbUp inside one transaction. Tables are STRICT, so a value of the wrong storage
-- class is rejected instead of stored. SQLite has no uuid, timestamptz, date or varchar(n), so
-- CHECK constraints hold each TEXT column to the one form the model prescribes. That keeps text
-- comparison and ordering equal to value comparison and ordering, and makes a value that would
-- fail on PostgreSQL or SQL Server fail here too:
--   ids      36-character UPPERCASE 'D' GUIDs, the form Microsoft.Data.Sqlite binds a Guid in
--            (Dapper gives no hook to change it), so every id must be bound as a Guid, never a string
--   instants UTC in Microsoft.Data.Sqlite's form '2026-11-26 05:11:40.1234567+00:00' (fraction
--            trimmed of trailing zeros). With the offset fixed at +00:00, text order is time order:
--            '+' sorts before '.' and before every digit
--   dates    'YYYY-MM-DD' and a real calendar day: date(x, '+0 days') turns 2026-02-30 into
--            2026-03-02, so "x IS date(x, '+0 days')" holds only for a real date (or NULL)
--   strings  the length bounds of the other engines' varchar(n), booleans INTEGER 0 or 1.
-- Foreign-key columns need no format check of their own: they must equal a checked key.

CREATE TABLE departments (
    code        TEXT    NOT NULL CONSTRAINT ck_departments_code CHECK (length(code) <= 32),
    name        TEXT    NOT NULL CONSTRAINT ck_departments_name CHECK (length(name) <= 100),
    short_name  TEXT    NOT NULL CONSTRAINT ck_departments_short_name CHECK (length(short_name) <= 50),
    credit_code TEXT    NULL     CONSTRAINT ck_departments_credit_code CHECK (length(credit_code) <= 18),
    sort_order  INTEGER NOT NULL,
    created_at  TEXT    NOT NULL CONSTRAINT ck_departments_created_at CHECK (created_at GLOB '????-??-?? ??:??:??*+00:00'),
    CONSTRAINT pk_departments PRIMARY KEY (code)
) STRICT;

CREATE TABLE code_exceptions (
    code       TEXT NOT NULL CONSTRAINT ck_code_exceptions_code CHECK (length(code) <= 18),
    reason     TEXT NOT NULL,
    created_at TEXT NOT NULL CONSTRAINT ck_code_exceptions_created_at CHECK (created_at GLOB '????-??-?? ??:??:??*+00:00'),
    created_by TEXT NULL     CONSTRAINT ck_code_exceptions_created_by CHECK (length(created_by) = 36 AND created_by NOT GLOB '*[^0-9A-F-]*'),
    removed_at TEXT NULL     CONSTRAINT ck_code_exceptions_removed_at CHECK (removed_at GLOB '????-??-?? ??:??:??*+00:00'),
    removed_by TEXT NULL     CONSTRAINT ck_code_exceptions_removed_by CHECK (length(removed_by) = 36 AND removed_by NOT GLOB '*[^0-9A-F-]*'),
    CONSTRAINT pk_code_exceptions PRIMARY KEY (code)
) STRICT;

CREATE TABLE api_clients (
    id              TEXT NOT NULL CONSTRAINT ck_api_clients_id CHECK (length(id) = 36 AND id NOT GLOB '*[^0-9A-F-]*'),
    name            TEXT NOT NULL CONSTRAINT ck_api_clients_name CHECK (length(name) <= 100),
    role            TEXT NOT NULL CONSTRAINT ck_api_clients_role CHECK (role IN ('admin', 'department', 'clerk', 'bidding')),
    department_code TEXT NULL,
    key_hash        TEXT NOT NULL CONSTRAINT ck_api_clients_key_hash CHECK (length(key_hash) = 64),
    key_hint        TEXT NOT NULL CONSTRAINT ck_api_clients_key_hint CHECK (length(key_hint) <= 8),
    created_at      TEXT NOT NULL CONSTRAINT ck_api_clients_created_at CHECK (created_at GLOB '????-??-?? ??:??:??*+00:00'),
    created_by      TEXT NULL     CONSTRAINT ck_api_clients_created_by CHECK (length(created_by) = 36 AND created_by NOT GLOB '*[^0-9A-F-]*'),
    revoked_at      TEXT NULL     CONSTRAINT ck_api_clients_revoked_at CHECK (revoked_at GLOB '????-??-?? ??:??:??*+00:00'),
    revoked_by      TEXT NULL     CONSTRAINT ck_api_clients_revoked_by CHECK (length(revoked_by) = 36 AND revoked_by NOT GLOB '*[^0-9A-F-]*'),
    CONSTRAINT pk_api_clients PRIMARY KEY (id),
    CONSTRAINT fk_api_clients_department_code FOREIGN KEY (department_code) REFERENCES departments (code),
    CONSTRAINT ux_api_clients_key_hash UNIQUE (key_hash),
    CONSTRAINT ck_api_clients_department_code CHECK (role <> 'department' OR department_code IS NOT NULL)
) STRICT;

CREATE TABLE list_types (
    code                    TEXT    NOT NULL CONSTRAINT ck_list_types_code CHECK (length(code) <= 64),
    name                    TEXT    NOT NULL CONSTRAINT ck_list_types_name CHECK (length(name) <= 100),
    colour                  TEXT    NOT NULL CONSTRAINT ck_list_types_colour CHECK (colour IN ('red', 'black')),
    description             TEXT    NOT NULL,
    legal_basis             TEXT    NOT NULL,
    default_duration_months INTEGER NULL,
    removal_rule            TEXT    NOT NULL,
    sort_order              INTEGER NOT NULL,
    CONSTRAINT pk_list_types PRIMARY KEY (code)
) STRICT;

CREATE TABLE catalogue_entries (
    code            TEXT    NOT NULL CONSTRAINT ck_catalogue_entries_code CHECK (length(code) <= 64),
    current_version INTEGER NOT NULL,
    department_code TEXT    NOT NULL,
    is_demo         INTEGER NOT NULL CONSTRAINT ck_catalogue_entries_is_demo CHECK (is_demo IN (0, 1)),
    created_at      TEXT    NOT NULL CONSTRAINT ck_catalogue_entries_created_at CHECK (created_at GLOB '????-??-?? ??:??:??*+00:00'),
    CONSTRAINT pk_catalogue_entries PRIMARY KEY (code),
    CONSTRAINT fk_catalogue_entries_department_code FOREIGN KEY (department_code) REFERENCES departments (code)
) STRICT;

CREATE TABLE catalogue_entry_versions (
    entry_code       TEXT    NOT NULL,
    version          INTEGER NOT NULL,
    name             TEXT    NOT NULL CONSTRAINT ck_catalogue_entry_versions_name CHECK (length(name) <= 200),
    category         TEXT    NOT NULL CONSTRAINT ck_catalogue_entry_versions_category CHECK (length(category) <= 64),
    department_code  TEXT    NOT NULL,
    subject_types    TEXT    NOT NULL,
    disclosure       TEXT    NOT NULL CONSTRAINT ck_catalogue_entry_versions_disclosure CHECK (disclosure IN ('public', 'shared', 'authorised')),
    polarity         TEXT    NOT NULL CONSTRAINT ck_catalogue_entry_versions_polarity CHECK (polarity IN ('neutral', 'positive', 'negative')),
    list_code        TEXT    NULL,
    update_frequency TEXT    NOT NULL CONSTRAINT ck_catalogue_entry_versions_update_frequency CHECK (length(update_frequency) <= 32),
    publicity_rule   TEXT    NOT NULL,
    legal_basis      TEXT    NOT NULL,
    fields_schema    TEXT    NOT NULL,
    created_at       TEXT    NOT NULL CONSTRAINT ck_catalogue_entry_versions_created_at CHECK (created_at GLOB '????-??-?? ??:??:??*+00:00'),
    created_by       TEXT    NULL     CONSTRAINT ck_catalogue_entry_versions_created_by CHECK (length(created_by) = 36 AND created_by NOT GLOB '*[^0-9A-F-]*'),
    CONSTRAINT pk_catalogue_entry_versions PRIMARY KEY (entry_code, version),
    CONSTRAINT fk_catalogue_entry_versions_entry_code FOREIGN KEY (entry_code) REFERENCES catalogue_entries (code),
    CONSTRAINT fk_catalogue_entry_versions_department_code FOREIGN KEY (department_code) REFERENCES departments (code),
    CONSTRAINT fk_catalogue_entry_versions_list_code FOREIGN KEY (list_code) REFERENCES list_types (code)
) STRICT;

CREATE INDEX ix_catalogue_entry_versions_department_code ON catalogue_entry_versions (department_code);
CREATE INDEX ix_catalogue_entry_versions_category ON catalogue_entry_versions (category);
CREATE INDEX ix_catalogue_entry_versions_list_code ON catalogue_entry_versions (list_code);

CREATE TABLE subjects (
    id           TEXT NOT NULL CONSTRAINT ck_subjects_id CHECK (length(id) = 36 AND id NOT GLOB '*[^0-9A-F-]*'),
    subject_type TEXT NOT NULL CONSTRAINT ck_subjects_subject_type CHECK (subject_type IN ('legal', 'individual_business', 'person')),
    lookup_key   TEXT NOT NULL CONSTRAINT ck_subjects_lookup_key CHECK (length(lookup_key) <= 64),
    display_code TEXT NOT NULL CONSTRAINT ck_subjects_display_code CHECK (length(display_code) <= 18),
    name         TEXT NOT NULL CONSTRAINT ck_subjects_name CHECK (length(name) <= 200),
    status       TEXT NOT NULL CONSTRAINT ck_subjects_status CHECK (status IN ('active', 'deregistered')),
    created_at   TEXT NOT NULL CONSTRAINT ck_subjects_created_at CHECK (created_at GLOB '????-??-?? ??:??:??*+00:00'),
    updated_at   TEXT NOT NULL CONSTRAINT ck_subjects_updated_at CHECK (updated_at GLOB '????-??-?? ??:??:??*+00:00'),
    CONSTRAINT pk_subjects PRIMARY KEY (id),
    CONSTRAINT ux_subjects_lookup_key UNIQUE (lookup_key)
) STRICT;

CREATE INDEX ix_subjects_name ON subjects (name);

-- WITHOUT ROWID: small rows read as one subject's range, so clustering on the key saves a lookup.
CREATE TABLE subject_names (
    subject_id         TEXT    NOT NULL,
    seq                INTEGER NOT NULL,
    name               TEXT    NOT NULL CONSTRAINT ck_subject_names_name CHECK (length(name) <= 200),
    valid_from         TEXT    NOT NULL CONSTRAINT ck_subject_names_valid_from CHECK (valid_from GLOB '????-??-?? ??:??:??*+00:00'),
    recorded_by_record TEXT    NULL     CONSTRAINT ck_subject_names_recorded_by_record CHECK (length(recorded_by_record) = 36 AND recorded_by_record NOT GLOB '*[^0-9A-F-]*'),
    CONSTRAINT pk_subject_names PRIMARY KEY (subject_id, seq),
    CONSTRAINT fk_subject_names_subject_id FOREIGN KEY (subject_id) REFERENCES subjects (id)
) STRICT, WITHOUT ROWID;

CREATE TABLE records (
    id               TEXT    NOT NULL CONSTRAINT ck_records_id CHECK (length(id) = 36 AND id NOT GLOB '*[^0-9A-F-]*'),
    department_code  TEXT    NOT NULL,
    catalogue_code   TEXT    NOT NULL,
    subject_id       TEXT    NOT NULL,
    source_ref       TEXT    NOT NULL CONSTRAINT ck_records_source_ref CHECK (length(source_ref) <= 128),
    current_revision INTEGER NOT NULL,
    created_at       TEXT    NOT NULL CONSTRAINT ck_records_created_at CHECK (created_at GLOB '????-??-?? ??:??:??*+00:00'),
    created_by       TEXT    NULL     CONSTRAINT ck_records_created_by CHECK (length(created_by) = 36 AND created_by NOT GLOB '*[^0-9A-F-]*'),
    CONSTRAINT pk_records PRIMARY KEY (id),
    CONSTRAINT fk_records_department_code FOREIGN KEY (department_code) REFERENCES departments (code),
    CONSTRAINT fk_records_catalogue_code FOREIGN KEY (catalogue_code) REFERENCES catalogue_entries (code),
    CONSTRAINT fk_records_subject_id FOREIGN KEY (subject_id) REFERENCES subjects (id),
    CONSTRAINT ux_records_department_code_source_ref UNIQUE (department_code, source_ref)
) STRICT;

CREATE INDEX ix_records_subject_id ON records (subject_id);
CREATE INDEX ix_records_catalogue_code ON records (catalogue_code);

CREATE TABLE record_revisions (
    record_id       TEXT    NOT NULL,
    revision        INTEGER NOT NULL,
    entry_version   INTEGER NOT NULL,
    fields          TEXT    NOT NULL,
    decision_date   TEXT    NOT NULL CONSTRAINT ck_record_revisions_decision_date CHECK (decision_date IS date(decision_date, '+0 days')),
    severity        TEXT    NULL     CONSTRAINT ck_record_revisions_severity CHECK (severity IN ('minor', 'general', 'serious')),
    effective_from  TEXT    NOT NULL CONSTRAINT ck_record_revisions_effective_from CHECK (effective_from IS date(effective_from, '+0 days')),
    effective_to    TEXT    NULL     CONSTRAINT ck_record_revisions_effective_to CHECK (effective_to IS date(effective_to, '+0 days')),
    publicity_until TEXT    NULL     CONSTRAINT ck_record_revisions_publicity_until CHECK (publicity_until IS date(publicity_until, '+0 days')),
    payload_hash    TEXT    NOT NULL CONSTRAINT ck_record_revisions_payload_hash CHECK (length(payload_hash) = 64),
    recorded_at     TEXT    NOT NULL CONSTRAINT ck_record_revisions_recorded_at CHECK (recorded_at GLOB '????-??-?? ??:??:??*+00:00'),
    recorded_by     TEXT    NULL     CONSTRAINT ck_record_revisions_recorded_by CHECK (length(recorded_by) = 36 AND recorded_by NOT GLOB '*[^0-9A-F-]*'),
    CONSTRAINT pk_record_revisions PRIMARY KEY (record_id, revision),
    CONSTRAINT fk_record_revisions_record_id FOREIGN KEY (record_id) REFERENCES records (id)
) STRICT;

CREATE INDEX ix_record_revisions_recorded_at ON record_revisions (recorded_at);

CREATE TABLE record_events (
    id               TEXT NOT NULL CONSTRAINT ck_record_events_id CHECK (length(id) = 36 AND id NOT GLOB '*[^0-9A-F-]*'),
    record_id        TEXT NOT NULL,
    kind             TEXT NOT NULL CONSTRAINT ck_record_events_kind CHECK (kind IN ('revoked', 'repaired', 'performed', 'extended', 'objection', 'withdrawn')),
    reason           TEXT NOT NULL,
    effective_on     TEXT NULL     CONSTRAINT ck_record_events_effective_on CHECK (effective_on IS date(effective_on, '+0 days')),
    new_effective_to TEXT NULL     CONSTRAINT ck_record_events_new_effective_to CHECK (new_effective_to IS date(new_effective_to, '+0 days')),
    recorded_at      TEXT NOT NULL CONSTRAINT ck_record_events_recorded_at CHECK (recorded_at GLOB '????-??-?? ??:??:??*+00:00'),
    recorded_by      TEXT NULL     CONSTRAINT ck_record_events_recorded_by CHECK (length(recorded_by) = 36 AND recorded_by NOT GLOB '*[^0-9A-F-]*'),
    CONSTRAINT pk_record_events PRIMARY KEY (id),
    CONSTRAINT fk_record_events_record_id FOREIGN KEY (record_id) REFERENCES records (id)
) STRICT;

CREATE INDEX ix_record_events_record_id_recorded_at ON record_events (record_id, recorded_at);

CREATE TABLE measures (
    code            TEXT    NOT NULL CONSTRAINT ck_measures_code CHECK (length(code) <= 64),
    current_version INTEGER NOT NULL,
    created_at      TEXT    NOT NULL CONSTRAINT ck_measures_created_at CHECK (created_at GLOB '????-??-?? ??:??:??*+00:00'),
    CONSTRAINT pk_measures PRIMARY KEY (code)
) STRICT;

CREATE TABLE measure_versions (
    measure_code            TEXT    NOT NULL,
    version                 INTEGER NOT NULL,
    name                    TEXT    NOT NULL CONSTRAINT ck_measure_versions_name CHECK (length(name) <= 200),
    kind                    TEXT    NOT NULL CONSTRAINT ck_measure_versions_kind CHECK (kind IN ('punishment', 'incentive')),
    effect                  TEXT    NOT NULL CONSTRAINT ck_measure_versions_effect CHECK (length(effect) <= 32),
    contexts                TEXT    NOT NULL,
    -- No measure without a basis in law or central policy (国办发〔2020〕49号): blank is not a basis.
    legal_basis             TEXT    NOT NULL CONSTRAINT ck_measure_versions_legal_basis CHECK (trim(legal_basis) <> ''),
    implementing_department TEXT    NOT NULL,
    created_at              TEXT    NOT NULL CONSTRAINT ck_measure_versions_created_at CHECK (created_at GLOB '????-??-?? ??:??:??*+00:00'),
    created_by              TEXT    NULL     CONSTRAINT ck_measure_versions_created_by CHECK (length(created_by) = 36 AND created_by NOT GLOB '*[^0-9A-F-]*'),
    CONSTRAINT pk_measure_versions PRIMARY KEY (measure_code, version),
    CONSTRAINT fk_measure_versions_measure_code FOREIGN KEY (measure_code) REFERENCES measures (code)
) STRICT;

-- WITHOUT ROWID: every column is part of the key, so a rowid table would store each row twice.
CREATE TABLE measure_list_types (
    measure_code TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    list_code    TEXT    NOT NULL,
    CONSTRAINT pk_measure_list_types PRIMARY KEY (measure_code, version, list_code),
    CONSTRAINT fk_measure_list_types_measure_code_version FOREIGN KEY (measure_code, version) REFERENCES measure_versions (measure_code, version),
    CONSTRAINT fk_measure_list_types_list_code FOREIGN KEY (list_code) REFERENCES list_types (code)
) STRICT, WITHOUT ROWID;

CREATE INDEX ix_measure_list_types_list_code ON measure_list_types (list_code);

-- version is the rowid (INTEGER PRIMARY KEY), assigned by the application as max + 1.
CREATE TABLE change_log (
    version    INTEGER NOT NULL,
    subject_id TEXT    NOT NULL,
    record_id  TEXT    NULL     CONSTRAINT ck_change_log_record_id CHECK (length(record_id) = 36 AND record_id NOT GLOB '*[^0-9A-F-]*'),
    kind       TEXT    NOT NULL CONSTRAINT ck_change_log_kind CHECK (length(kind) <= 32),
    changed_at TEXT    NOT NULL CONSTRAINT ck_change_log_changed_at CHECK (changed_at GLOB '????-??-?? ??:??:??*+00:00'),
    CONSTRAINT pk_change_log PRIMARY KEY (version),
    CONSTRAINT fk_change_log_subject_id FOREIGN KEY (subject_id) REFERENCES subjects (id)
) STRICT;

CREATE INDEX ix_change_log_subject_id_version ON change_log (subject_id, version);

CREATE TABLE checks (
    id            TEXT    NOT NULL CONSTRAINT ck_checks_id CHECK (length(id) = 36 AND id NOT GLOB '*[^0-9A-F-]*'),
    client_id     TEXT    NOT NULL,
    context       TEXT    NOT NULL CONSTRAINT ck_checks_context CHECK (length(context) <= 32),
    as_of         TEXT    NOT NULL CONSTRAINT ck_checks_as_of CHECK (as_of IS date(as_of, '+0 days')),
    known_at      TEXT    NOT NULL CONSTRAINT ck_checks_known_at CHECK (known_at GLOB '????-??-?? ??:??:??*+00:00'),
    checked_at    TEXT    NOT NULL CONSTRAINT ck_checks_checked_at CHECK (checked_at GLOB '????-??-?? ??:??:??*+00:00'),
    data_version  INTEGER NOT NULL,
    project_code  TEXT    NULL     CONSTRAINT ck_checks_project_code CHECK (length(project_code) <= 64),
    request_json  TEXT    NOT NULL,
    results_json  TEXT    NOT NULL,
    leaf_index    INTEGER NOT NULL,
    leaf_hash     TEXT    NOT NULL CONSTRAINT ck_checks_leaf_hash CHECK (length(leaf_hash) = 64),
    CONSTRAINT pk_checks PRIMARY KEY (id),
    CONSTRAINT fk_checks_client_id FOREIGN KEY (client_id) REFERENCES api_clients (id),
    CONSTRAINT ux_checks_leaf_index UNIQUE (leaf_index)
) STRICT;

CREATE INDEX ix_checks_client_id_checked_at ON checks (client_id, checked_at);

CREATE TABLE check_feedback (
    id          TEXT NOT NULL CONSTRAINT ck_check_feedback_id CHECK (length(id) = 36 AND id NOT GLOB '*[^0-9A-F-]*'),
    check_id    TEXT NOT NULL,
    bidder_ref  TEXT NOT NULL CONSTRAINT ck_check_feedback_bidder_ref CHECK (length(bidder_ref) <= 64),
    action      TEXT NOT NULL CONSTRAINT ck_check_feedback_action CHECK (length(action) <= 32),
    note        TEXT NULL,
    recorded_at TEXT NOT NULL CONSTRAINT ck_check_feedback_recorded_at CHECK (recorded_at GLOB '????-??-?? ??:??:??*+00:00'),
    client_id   TEXT NOT NULL,
    CONSTRAINT pk_check_feedback PRIMARY KEY (id),
    CONSTRAINT fk_check_feedback_check_id FOREIGN KEY (check_id) REFERENCES checks (id),
    CONSTRAINT fk_check_feedback_client_id FOREIGN KEY (client_id) REFERENCES api_clients (id)
) STRICT;

CREATE INDEX ix_check_feedback_check_id ON check_feedback (check_id);

-- tree_size is the rowid (INTEGER PRIMARY KEY).
CREATE TABLE tree_heads (
    tree_size INTEGER NOT NULL,
    root_hash TEXT    NOT NULL CONSTRAINT ck_tree_heads_root_hash CHECK (length(root_hash) = 64),
    signed_at TEXT    NOT NULL CONSTRAINT ck_tree_heads_signed_at CHECK (signed_at GLOB '????-??-?? ??:??:??*+00:00'),
    key_id    TEXT    NOT NULL CONSTRAINT ck_tree_heads_key_id CHECK (length(key_id) <= 64),
    algorithm TEXT    NOT NULL CONSTRAINT ck_tree_heads_algorithm CHECK (length(algorithm) <= 32),
    signature TEXT    NOT NULL,
    CONSTRAINT pk_tree_heads PRIMARY KEY (tree_size)
) STRICT;

CREATE TABLE reports (
    number              TEXT    NOT NULL CONSTRAINT ck_reports_number CHECK (length(number) <= 32),
    verification_hash   TEXT    NOT NULL CONSTRAINT ck_reports_verification_hash CHECK (length(verification_hash) = 64),
    subject_id          TEXT    NOT NULL,
    subject_name        TEXT    NOT NULL CONSTRAINT ck_reports_subject_name CHECK (length(subject_name) <= 200),
    issued_at           TEXT    NOT NULL CONSTRAINT ck_reports_issued_at CHECK (issued_at GLOB '????-??-?? ??:??:??*+00:00'),
    issued_by           TEXT    NOT NULL,
    issuing_window      TEXT    NOT NULL,
    purpose             TEXT    NOT NULL,
    requester_name      TEXT    NOT NULL,
    requester_id_masked TEXT    NULL     CONSTRAINT ck_reports_requester_id_masked CHECK (length(requester_id_masked) <= 18),
    authorised          INTEGER NOT NULL CONSTRAINT ck_reports_authorised CHECK (authorised IN (0, 1)),
    content_json        TEXT    NOT NULL,
    CONSTRAINT pk_reports PRIMARY KEY (number),
    CONSTRAINT fk_reports_subject_id FOREIGN KEY (subject_id) REFERENCES subjects (id),
    CONSTRAINT fk_reports_issued_by FOREIGN KEY (issued_by) REFERENCES api_clients (id)
) STRICT;

CREATE INDEX ix_reports_subject_id ON reports (subject_id);
CREATE INDEX ix_reports_issued_at ON reports (issued_at);

-- WITHOUT ROWID: one tiny row per day, read and written by key on every report issued.
CREATE TABLE report_counters (
    day        TEXT    NOT NULL CONSTRAINT ck_report_counters_day CHECK (day IS date(day, '+0 days')),
    last_value INTEGER NOT NULL,
    CONSTRAINT pk_report_counters PRIMARY KEY (day)
) STRICT, WITHOUT ROWID;

-- seq is the rowid (INTEGER PRIMARY KEY), assigned by the application as max + 1.
CREATE TABLE audit_log (
    seq          INTEGER NOT NULL,
    at           TEXT    NOT NULL CONSTRAINT ck_audit_log_at CHECK (at GLOB '????-??-?? ??:??:??*+00:00'),
    client_id    TEXT    NULL     CONSTRAINT ck_audit_log_client_id CHECK (length(client_id) = 36 AND client_id NOT GLOB '*[^0-9A-F-]*'),
    client_name  TEXT    NULL,
    role         TEXT    NULL     CONSTRAINT ck_audit_log_role CHECK (role IN ('admin', 'department', 'clerk', 'bidding')),
    action       TEXT    NOT NULL CONSTRAINT ck_audit_log_action CHECK (length(action) <= 32),
    subject_id   TEXT    NULL     CONSTRAINT ck_audit_log_subject_id CHECK (length(subject_id) = 36 AND subject_id NOT GLOB '*[^0-9A-F-]*'),
    subject_code TEXT    NULL     CONSTRAINT ck_audit_log_subject_code CHECK (length(subject_code) <= 18),
    purpose      TEXT    NULL,
    result_count INTEGER NOT NULL,
    prev_hash    TEXT    NOT NULL CONSTRAINT ck_audit_log_prev_hash CHECK (length(prev_hash) = 64),
    hash         TEXT    NOT NULL CONSTRAINT ck_audit_log_hash CHECK (length(hash) = 64),
    CONSTRAINT pk_audit_log PRIMARY KEY (seq)
) STRICT;

CREATE INDEX ix_audit_log_subject_id_seq ON audit_log (subject_id, seq);
CREATE INDEX ix_audit_log_client_id_seq ON audit_log (client_id, seq);
CREATE INDEX ix_audit_log_at ON audit_log (at);
