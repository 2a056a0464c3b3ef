-- 0002_add_revision_reason (PostgreSQL): why a revision was made; null for a record's first revision.
ALTER TABLE record_revisions ADD COLUMN reason varchar(500) NULL;
