-- 0005_create_reports (PostgreSQL): credit reports (信用报告) issued at the service-hall window. The report tables
-- of 0001 were never written to; they are replaced by these, which also keep the SHA-256 of the snapshot so a
-- stored report can be shown to be the one issued. The snapshot (content_json) is written once and never updated.
-- The verification code is never stored, only its SHA-256 (it is random, 60 bits and more, so a salt adds nothing).
DROP TABLE report_counters;
DROP TABLE reports;

CREATE TABLE reports (
    number              varchar(32)  NOT NULL,
    verification_hash   varchar(64)  NOT NULL,
    subject_id          uuid         NOT NULL,
    subject_name        varchar(200) NOT NULL,
    issued_at           timestamptz  NOT NULL,
    issued_by           uuid         NOT NULL,
    issuing_window      varchar(100) NOT NULL,
    purpose             varchar(200) NOT NULL,
    requester_name      varchar(100) NOT NULL,
    requester_id_masked varchar(18)  NULL,
    authorised          boolean      NOT NULL,
    content_json        text         NOT NULL,
    content_hash        varchar(64)  NOT NULL,
    CONSTRAINT pk_reports PRIMARY KEY (number),
    CONSTRAINT fk_reports_subject_id FOREIGN KEY (subject_id) REFERENCES subjects (id),
    CONSTRAINT fk_reports_issued_by FOREIGN KEY (issued_by) REFERENCES api_clients (id),
    CONSTRAINT ck_reports_number CHECK (number ~ '^KZXY-[0-9]{8}-[0-9]{6}$'),
    CONSTRAINT ck_reports_verification_hash CHECK (length(verification_hash) = 64),
    CONSTRAINT ck_reports_content_hash CHECK (length(content_hash) = 64)
);

CREATE INDEX ix_reports_subject_id ON reports (subject_id);
CREATE INDEX ix_reports_issued_at ON reports (issued_at);

-- One row per China day: the last sequence number issued that day. Incremented inside the issuing transaction
-- (the row lock orders concurrent issuers), so two instances never hand out the same number.
CREATE TABLE report_counters (
    day        date    NOT NULL,
    last_value integer NOT NULL,
    CONSTRAINT pk_report_counters PRIMARY KEY (day),
    CONSTRAINT ck_report_counters_last_value CHECK (last_value BETWEEN 1 AND 999999)
);
