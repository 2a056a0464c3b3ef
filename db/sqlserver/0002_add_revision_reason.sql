-- 0002_add_revision_reason (SQL Server): why a revision was made; null for a record's first revision.
ALTER TABLE dbo.record_revisions ADD reason nvarchar(500) NULL;
