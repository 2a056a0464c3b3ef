-- 0005_create_reports (SQLite): credit reports (信用报告) issued at the service-hall window. The report tables of
-- 0001 were never written to; they are replaced by these, which also keep the SHA-256 of the snapshot so a
-- stored report can be shown to be the one issued. The snapshot (content_json) is written once and never updated.
-- The verification code is never stored, only its SHA-256 (it is random, 60 bits and more, so a salt adds nothing).
DROP TABLE report_counters;
DROP TABLE reports;

CREATE TABLE reports (
    number              TEXT    NOT NULL CONSTRAINT ck_reports_number CHECK (number GLOB 'KZXY-[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9][0-9][0-9]'),
    verification_hash   TEXT    NOT NULL CONSTRAINT ck_reports_verification_hash CHECK (length(verification_hash) = 64),
    subject_id          TEXT    NOT NULL,
    subject_name        TEXT    NOT NULL CONSTRAINT ck_reports_subject_name CHECK (length(subject_name) <= 200),
    issued_at           TEXT    NOT NULL CONSTRAINT ck_reports_issued_at CHECK (issued_at GLOB '????-??-?? ??:??:??*+00:00'),
    issued_by           TEXT    NOT NULL,
    issuing_window      TEXT    NOT NULL CONSTRAINT ck_reports_issuing_window CHECK (length(issuing_window) <= 100),
    purpose             TEXT    NOT NULL CONSTRAINT ck_reports_purpose CHECK (length(purpose) <= 200),
    requester_name      TEXT    NOT NULL CONSTRAINT ck_reports_requester_name CHECK (length(requester_name) <= 100),
    requester_id_masked TEXT    NULL     CONSTRAINT ck_reports_requester_id_masked CHECK (length(requester_id_masked) <= 18),
    authorised          INTEGER NOT NULL CONSTRAINT ck_reports_authorised CHECK (authorised IN (0, 1)),
    content_json        TEXT    NOT NULL,
    content_hash        TEXT    NOT NULL CONSTRAINT ck_reports_content_hash CHECK (length(content_hash) = 64),
    CONSTRAINT pk_reports PRIMARY KEY (number),
    CONSTRAINT fk_reports_subject_id FOREIGN KEY (subject_id) REFERENCES subjects (id),
    CONSTRAINT fk_reports_issued_by FOREIGN KEY (issued_by) REFERENCES api_clients (id)
) STRICT;

CREATE INDEX ix_reports_subject_id ON reports (subject_id);
CREATE INDEX ix_reports_issued_at ON reports (issued_at);

-- One row per China day: the last sequence number issued that day. Incremented inside the issuing transaction,
-- so two instances never hand out the same number.
CREATE TABLE report_counters (
    day        TEXT    NOT NULL CONSTRAINT ck_report_counters_day CHECK (day IS date(day, '+0 days')),
    last_value INTEGER NOT NULL CONSTRAINT ck_report_counters_last_value CHECK (last_value BETWEEN 1 AND 999999),
    CONSTRAINT pk_report_counters PRIMARY KEY (day)
) STRICT, WITHOUT ROWID;
