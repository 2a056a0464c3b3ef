-- 0006_drop_unused_revision_index (PostgreSQL): no query reads revisions by the time they were recorded; the index only
-- cost every record written one more B-tree insert.
DROP INDEX ix_record_revisions_recorded_at;
