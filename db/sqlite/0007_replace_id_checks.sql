-- 0007_replace_id_checks (SQLite): each id column keeps its rule (a 36-character UPPERCASE 'D' GUID, see 0001) in a check
-- that costs less. "x NOT GLOB '*[^0-9A-F-]*'" tries the character class at every position of the id, and a record written
-- checks three ids: in a profile of the benchmark's batches, GLOB and its UTF-8 reading were about a fifth of the time spent in
-- SQLite. unhex(x, '-') reads the id once and is NULL for any character that is neither a hex digit nor a hyphen; upper(x) = x
-- then refuses the lower-case digits a-f. The new check is no weaker: it also wants the digits in pairs, as every GUID has
-- them. "x IS NULL OR" keeps a NULL passing, as it did (unhex(NULL) IS NOT NULL is false, where GLOB gave NULL). Each
-- constraint keeps its name. ALTER TABLE … DROP CONSTRAINT / ADD CONSTRAINT need SQLite 3.53, the version the service ships
-- with (SQLitePCLRaw).
--
-- ADD CONSTRAINT refuses a table with a row that breaks the new check, but when it is one statement of several in one command
-- (as DbUp runs a script) Microsoft.Data.Sqlite does not report that refusal: the old check would be gone and the new one
-- missing. So the script first proves every stored id keeps the rule, by an insert that fails, naming the rule, if one does
-- not; the migration's transaction then undoes everything.

CREATE TEMP TABLE migration_0007_guard (
    ok INTEGER NOT NULL CONSTRAINT every_stored_id_is_an_upper_case_guid_with_its_digits_in_pairs CHECK (ok = 1)
) STRICT;

INSERT INTO migration_0007_guard (ok) SELECT
    NOT EXISTS (SELECT 1 FROM code_exceptions WHERE NOT (created_by IS NULL OR (length(created_by) = 36 AND unhex(created_by, '-') IS NOT NULL AND upper(created_by) = created_by)))
    AND NOT EXISTS (SELECT 1 FROM code_exceptions WHERE NOT (removed_by IS NULL OR (length(removed_by) = 36 AND unhex(removed_by, '-') IS NOT NULL AND upper(removed_by) = removed_by)))
    AND NOT EXISTS (SELECT 1 FROM api_clients WHERE NOT (id IS NULL OR (length(id) = 36 AND unhex(id, '-') IS NOT NULL AND upper(id) = id)))
    AND NOT EXISTS (SELECT 1 FROM api_clients WHERE NOT (created_by IS NULL OR (length(created_by) = 36 AND unhex(created_by, '-') IS NOT NULL AND upper(created_by) = created_by)))
    AND NOT EXISTS (SELECT 1 FROM api_clients WHERE NOT (revoked_by IS NULL OR (length(revoked_by) = 36 AND unhex(revoked_by, '-') IS NOT NULL AND upper(revoked_by) = revoked_by)))
    AND NOT EXISTS (SELECT 1 FROM catalogue_entry_versions WHERE NOT (created_by IS NULL OR (length(created_by) = 36 AND unhex(created_by, '-') IS NOT NULL AND upper(created_by) = created_by)))
    AND NOT EXISTS (SELECT 1 FROM subjects WHERE NOT (id IS NULL OR (length(id) = 36 AND unhex(id, '-') IS NOT NULL AND upper(id) = id)))
    AND NOT EXISTS (SELECT 1 FROM subject_names WHERE NOT (recorded_by_record IS NULL OR (length(recorded_by_record) = 36 AND unhex(recorded_by_record, '-') IS NOT NULL AND upper(recorded_by_record) = recorded_by_record)))
    AND NOT EXISTS (SELECT 1 FROM records WHERE NOT (id IS NULL OR (length(id) = 36 AND unhex(id, '-') IS NOT NULL AND upper(id) = id)))
    AND NOT EXISTS (SELECT 1 FROM records WHERE NOT (created_by IS NULL OR (length(created_by) = 36 AND unhex(created_by, '-') IS NOT NULL AND upper(created_by) = created_by)))
    AND NOT EXISTS (SELECT 1 FROM record_revisions WHERE NOT (recorded_by IS NULL OR (length(recorded_by) = 36 AND unhex(recorded_by, '-') IS NOT NULL AND upper(recorded_by) = recorded_by)))
    AND NOT EXISTS (SELECT 1 FROM record_events WHERE NOT (id IS NULL OR (length(id) = 36 AND unhex(id, '-') IS NOT NULL AND upper(id) = id)))
    AND NOT EXISTS (SELECT 1 FROM record_events WHERE NOT (recorded_by IS NULL OR (length(recorded_by) = 36 AND unhex(recorded_by, '-') IS NOT NULL AND upper(recorded_by) = recorded_by)))
    AND NOT EXISTS (SELECT 1 FROM measure_versions WHERE NOT (created_by IS NULL OR (length(created_by) = 36 AND unhex(created_by, '-') IS NOT NULL AND upper(created_by) = created_by)))
    AND NOT EXISTS (SELECT 1 FROM change_log WHERE NOT (record_id IS NULL OR (length(record_id) = 36 AND unhex(record_id, '-') IS NOT NULL AND upper(record_id) = record_id)))
    AND NOT EXISTS (SELECT 1 FROM checks WHERE NOT (id IS NULL OR (length(id) = 36 AND unhex(id, '-') IS NOT NULL AND upper(id) = id)))
    AND NOT EXISTS (SELECT 1 FROM check_feedback WHERE NOT (id IS NULL OR (length(id) = 36 AND unhex(id, '-') IS NOT NULL AND upper(id) = id)))
    AND NOT EXISTS (SELECT 1 FROM audit_log WHERE NOT (client_id IS NULL OR (length(client_id) = 36 AND unhex(client_id, '-') IS NOT NULL AND upper(client_id) = client_id)))
    AND NOT EXISTS (SELECT 1 FROM audit_log WHERE NOT (subject_id IS NULL OR (length(subject_id) = 36 AND unhex(subject_id, '-') IS NOT NULL AND upper(subject_id) = subject_id)))
    AND NOT EXISTS (SELECT 1 FROM access_audit WHERE NOT (client_id IS NULL OR (length(client_id) = 36 AND unhex(client_id, '-') IS NOT NULL AND upper(client_id) = client_id)));

DROP TABLE temp.migration_0007_guard;

ALTER TABLE code_exceptions DROP CONSTRAINT ck_code_exceptions_created_by;
ALTER TABLE code_exceptions ADD CONSTRAINT ck_code_exceptions_created_by CHECK (created_by IS NULL OR (length(created_by) = 36 AND unhex(created_by, '-') IS NOT NULL AND upper(created_by) = created_by));

ALTER TABLE code_exceptions DROP CONSTRAINT ck_code_exceptions_removed_by;
ALTER TABLE code_exceptions ADD CONSTRAINT ck_code_exceptions_removed_by CHECK (removed_by IS NULL OR (length(removed_by) = 36 AND unhex(removed_by, '-') IS NOT NULL AND upper(removed_by) = removed_by));

ALTER TABLE api_clients DROP CONSTRAINT ck_api_clients_id;
ALTER TABLE api_clients ADD CONSTRAINT ck_api_clients_id CHECK (id IS NULL OR (length(id) = 36 AND unhex(id, '-') IS NOT NULL AND upper(id) = id));

ALTER TABLE api_clients DROP CONSTRAINT ck_api_clients_created_by;
ALTER TABLE api_clients ADD CONSTRAINT ck_api_clients_created_by CHECK (created_by IS NULL OR (length(created_by) = 36 AND unhex(created_by, '-') IS NOT NULL AND upper(created_by) = created_by));

ALTER TABLE api_clients DROP CONSTRAINT ck_api_clients_revoked_by;
ALTER TABLE api_clients ADD CONSTRAINT ck_api_clients_revoked_by CHECK (revoked_by IS NULL OR (length(revoked_by) = 36 AND unhex(revoked_by, '-') IS NOT NULL AND upper(revoked_by) = revoked_by));

ALTER TABLE catalogue_entry_versions DROP CONSTRAINT ck_catalogue_entry_versions_created_by;
ALTER TABLE catalogue_entry_versions ADD CONSTRAINT ck_catalogue_entry_versions_created_by CHECK (created_by IS NULL OR (length(created_by) = 36 AND unhex(created_by, '-') IS NOT NULL AND upper(created_by) = created_by));

ALTER TABLE subjects DROP CONSTRAINT ck_subjects_id;
ALTER TABLE subjects ADD CONSTRAINT ck_subjects_id CHECK (id IS NULL OR (length(id) = 36 AND unhex(id, '-') IS NOT NULL AND upper(id) = id));

ALTER TABLE subject_names DROP CONSTRAINT ck_subject_names_recorded_by_record;
ALTER TABLE subject_names ADD CONSTRAINT ck_subject_names_recorded_by_record CHECK (recorded_by_record IS NULL OR (length(recorded_by_record) = 36 AND unhex(recorded_by_record, '-') IS NOT NULL AND upper(recorded_by_record) = recorded_by_record));

ALTER TABLE records DROP CONSTRAINT ck_records_id;
ALTER TABLE records ADD CONSTRAINT ck_records_id CHECK (id IS NULL OR (length(id) = 36 AND unhex(id, '-') IS NOT NULL AND upper(id) = id));

ALTER TABLE records DROP CONSTRAINT ck_records_created_by;
ALTER TABLE records ADD CONSTRAINT ck_records_created_by CHECK (created_by IS NULL OR (length(created_by) = 36 AND unhex(created_by, '-') IS NOT NULL AND upper(created_by) = created_by));

ALTER TABLE record_revisions DROP CONSTRAINT ck_record_revisions_recorded_by;
ALTER TABLE record_revisions ADD CONSTRAINT ck_record_revisions_recorded_by CHECK (recorded_by IS NULL OR (length(recorded_by) = 36 AND unhex(recorded_by, '-') IS NOT NULL AND upper(recorded_by) = recorded_by));

ALTER TABLE record_events DROP CONSTRAINT ck_record_events_id;
ALTER TABLE record_events ADD CONSTRAINT ck_record_events_id CHECK (id IS NULL OR (length(id) = 36 AND unhex(id, '-') IS NOT NULL AND upper(id) = id));

ALTER TABLE record_events DROP CONSTRAINT ck_record_events_recorded_by;
ALTER TABLE record_events ADD CONSTRAINT ck_record_events_recorded_by CHECK (recorded_by IS NULL OR (length(recorded_by) = 36 AND unhex(recorded_by, '-') IS NOT NULL AND upper(recorded_by) = recorded_by));

ALTER TABLE measure_versions DROP CONSTRAINT ck_measure_versions_created_by;
ALTER TABLE measure_versions ADD CONSTRAINT ck_measure_versions_created_by CHECK (created_by IS NULL OR (length(created_by) = 36 AND unhex(created_by, '-') IS NOT NULL AND upper(created_by) = created_by));

ALTER TABLE change_log DROP CONSTRAINT ck_change_log_record_id;
ALTER TABLE change_log ADD CONSTRAINT ck_change_log_record_id CHECK (record_id IS NULL OR (length(record_id) = 36 AND unhex(record_id, '-') IS NOT NULL AND upper(record_id) = record_id));

ALTER TABLE checks DROP CONSTRAINT ck_checks_id;
ALTER TABLE checks ADD CONSTRAINT ck_checks_id CHECK (id IS NULL OR (length(id) = 36 AND unhex(id, '-') IS NOT NULL AND upper(id) = id));

ALTER TABLE check_feedback DROP CONSTRAINT ck_check_feedback_id;
ALTER TABLE check_feedback ADD CONSTRAINT ck_check_feedback_id CHECK (id IS NULL OR (length(id) = 36 AND unhex(id, '-') IS NOT NULL AND upper(id) = id));

ALTER TABLE audit_log DROP CONSTRAINT ck_audit_log_client_id;
ALTER TABLE audit_log ADD CONSTRAINT ck_audit_log_client_id CHECK (client_id IS NULL OR (length(client_id) = 36 AND unhex(client_id, '-') IS NOT NULL AND upper(client_id) = client_id));

ALTER TABLE audit_log DROP CONSTRAINT ck_audit_log_subject_id;
ALTER TABLE audit_log ADD CONSTRAINT ck_audit_log_subject_id CHECK (subject_id IS NULL OR (length(subject_id) = 36 AND unhex(subject_id, '-') IS NOT NULL AND upper(subject_id) = subject_id));

ALTER TABLE access_audit DROP CONSTRAINT ck_access_audit_client_id;
ALTER TABLE access_audit ADD CONSTRAINT ck_access_audit_client_id CHECK (client_id IS NULL OR (length(client_id) = 36 AND unhex(client_id, '-') IS NOT NULL AND upper(client_id) = client_id));
