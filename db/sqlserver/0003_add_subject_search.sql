-- 0003_add_subject_search (SQL Server): name search by two-character grams (二元组). Every subject name is cut
-- into the overlapping pairs of characters it contains (重庆开州 → 重庆, 庆开, 开州); a fragment of two characters
-- is then one key range, and a longer fragment is confirmed on the postings of its rarest pair. Full-text
-- search would need the full-text feature installed and its Chinese word breaker splits words, not pairs.
-- Each row carries what ranking needs, so a page is read in key order without touching subjects:
--   tier      0 the name is the pair, 1 the name starts with it, 2 it occurs further in
--   inactive  1 for a deregistered subject (current subjects rank first)
--   name      the whole name (binary collation: code point order and exact pairs, as on SQLite)
--   is_person 1 for a natural person (the public finds persons only by ID number)
-- subject_gram_counts holds how many subjects (and how many of them persons) carry each gram: the total of a
-- two-character search without counting postings, and the rarest gram of a longer fragment to confirm it on. Triggers keep both in step with subjects however a subject is written;
-- they are created through EXEC because CREATE TRIGGER must begin a batch and a migration is one batch.

CREATE TABLE dbo.name_positions (
    n int NOT NULL,
    CONSTRAINT pk_name_positions PRIMARY KEY (n)
);

INSERT INTO dbo.name_positions (n)
SELECT TOP (199) ROW_NUMBER() OVER (ORDER BY (SELECT NULL)) FROM sys.all_objects a CROSS JOIN sys.all_objects b;

CREATE TABLE dbo.subject_name_grams (
    gram       nvarchar(2)   COLLATE Latin1_General_100_BIN2 NOT NULL,
    tier       tinyint       NOT NULL,
    inactive   tinyint       NOT NULL,
    name       nvarchar(200) COLLATE Latin1_General_100_BIN2 NOT NULL,
    subject_id uniqueidentifier NOT NULL,
    is_person  bit           NOT NULL,
    CONSTRAINT pk_subject_name_grams PRIMARY KEY (gram, tier, inactive, name, subject_id),
    CONSTRAINT ck_subject_name_grams_tier CHECK (tier IN (0, 1, 2)),
    CONSTRAINT ck_subject_name_grams_inactive CHECK (inactive IN (0, 1))
);

INSERT INTO dbo.subject_name_grams (gram, tier, inactive, name, subject_id, is_person)
SELECT SUBSTRING(s.name, p.n, 2),
       MIN(CASE WHEN LEN(s.name) = 2 THEN 0 WHEN p.n = 1 THEN 1 ELSE 2 END),
       CASE WHEN s.status = N'deregistered' THEN 1 ELSE 0 END, s.name, s.id, CASE WHEN s.subject_type = N'person' THEN 1 ELSE 0 END
FROM dbo.subjects s
JOIN dbo.name_positions p ON p.n < LEN(s.name)
GROUP BY s.id, s.name, s.status, s.subject_type, SUBSTRING(s.name, p.n, 2);

CREATE TABLE dbo.subject_gram_counts (
    gram     nvarchar(2) COLLATE Latin1_General_100_BIN2 NOT NULL,
    subjects int         NOT NULL,
    persons  int         NOT NULL,
    CONSTRAINT pk_subject_gram_counts PRIMARY KEY (gram)
);

INSERT INTO dbo.subject_gram_counts (gram, subjects, persons)
SELECT gram, COUNT(*), SUM(CAST(is_person AS int)) FROM dbo.subject_name_grams GROUP BY gram;

EXEC (N'
CREATE TRIGGER dbo.tr_subject_name_grams_count ON dbo.subject_name_grams AFTER INSERT, DELETE AS
BEGIN
    SET NOCOUNT ON;
    MERGE dbo.subject_gram_counts AS c
    USING (SELECT gram, COUNT(*) AS n, SUM(CAST(is_person AS int)) AS p FROM inserted GROUP BY gram) AS i ON c.gram = i.gram
    WHEN MATCHED THEN UPDATE SET subjects = c.subjects + i.n, persons = c.persons + i.p
    WHEN NOT MATCHED THEN INSERT (gram, subjects, persons) VALUES (i.gram, i.n, i.p);

    UPDATE c SET subjects = c.subjects - d.n, persons = c.persons - d.p
    FROM dbo.subject_gram_counts c
    JOIN (SELECT gram, COUNT(*) AS n, SUM(CAST(is_person AS int)) AS p FROM deleted GROUP BY gram) d ON c.gram = d.gram;
END');

EXEC (N'
CREATE TRIGGER dbo.tr_subjects_grams ON dbo.subjects AFTER INSERT, UPDATE, DELETE AS
BEGIN
    SET NOCOUNT ON;
    DELETE g
    FROM dbo.subject_name_grams g
    JOIN deleted d ON g.subject_id = d.id AND g.name = d.name
    JOIN dbo.name_positions p ON p.n < LEN(d.name) AND g.gram = SUBSTRING(d.name, p.n, 2)
    WHERE g.tier IN (0, 1, 2) AND g.inactive IN (0, 1);

    INSERT INTO dbo.subject_name_grams (gram, tier, inactive, name, subject_id, is_person)
    SELECT SUBSTRING(i.name, p.n, 2),
           MIN(CASE WHEN LEN(i.name) = 2 THEN 0 WHEN p.n = 1 THEN 1 ELSE 2 END),
           CASE WHEN i.status = N''deregistered'' THEN 1 ELSE 0 END, i.name, i.id, CASE WHEN i.subject_type = N''person'' THEN 1 ELSE 0 END
    FROM inserted i
    JOIN dbo.name_positions p ON p.n < LEN(i.name)
    GROUP BY i.id, i.name, i.status, i.subject_type, SUBSTRING(i.name, p.n, 2);
END');
