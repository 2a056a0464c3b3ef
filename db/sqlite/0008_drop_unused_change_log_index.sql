-- 0008_drop_unused_change_log_index (SQLite): no query reads the change log by subject (the feed and the checks' cache read
-- it by version, its primary key), and subjects are never deleted, so no foreign-key check looks for a subject's entries
-- either. The index only cost every record batch one B-tree insert per subject, each at another place in the index: a
-- batch of 10,000 records for 2,000 subjects wrote about 335 more pages to the write-ahead log (bench/README.md).
-- Should subjects ever be deleted, each delete's foreign-key check would then read the whole change log: bring the index back
-- with that change.
DROP INDEX ix_change_log_subject_id_version;
