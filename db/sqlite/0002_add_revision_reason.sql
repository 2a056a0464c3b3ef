-- 0002_add_revision_reason (SQLite): why a revision was made; null for a record's first revision.
ALTER TABLE record_revisions ADD COLUMN reason TEXT NULL CONSTRAINT ck_record_revisions_reason CHECK (length(reason) <= 500);
