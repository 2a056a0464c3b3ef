-- 0003_add_subject_search (SQLite): name search by two-character grams (二元组). Every subject name is cut into
-- the overlapping pairs of characters it contains (重庆开州 → 重庆, 庆开, 开州); a fragment of two characters is
-- then one key range, and a longer fragment is confirmed on the postings of its rarest pair. A LIKE '%x%'
-- scan of a million names takes a second; a key range takes microseconds, on every engine.
-- Each row carries what ranking needs, so a page is read in key order without touching subjects:
--   tier      0 the name is the pair, 1 the name starts with it, 2 it occurs further in
--   inactive  1 for a deregistered subject (current subjects rank first)
--   name      the whole name, to confirm a longer fragment and to order within a tier
--   is_person 1 for a natural person (the public finds persons only by ID number)
-- subject_gram_counts holds how many subjects (and how many of them persons) carry each gram: the total of a
-- two-character search without counting postings, and the rarest gram of a longer fragment to confirm it on. Triggers keep both in step with subjects however a subject is written
-- (record intake, seed, generators); the statements below fill them for the subjects already stored.

-- Positions 1 … 199 in a name of at most 200 characters: triggers may not use a recursive CTE.
CREATE TABLE name_positions (
    n INTEGER NOT NULL,
    CONSTRAINT pk_name_positions PRIMARY KEY (n)
) STRICT;

WITH RECURSIVE p(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM p WHERE n < 199)
INSERT INTO name_positions (n) SELECT n FROM p;

-- WITHOUT ROWID: every read is a range of the key, and the key holds every column.
CREATE TABLE subject_name_grams (
    gram       TEXT    NOT NULL CONSTRAINT ck_subject_name_grams_gram CHECK (length(gram) = 2),
    tier       INTEGER NOT NULL CONSTRAINT ck_subject_name_grams_tier CHECK (tier IN (0, 1, 2)),
    inactive   INTEGER NOT NULL CONSTRAINT ck_subject_name_grams_inactive CHECK (inactive IN (0, 1)),
    name       TEXT    NOT NULL,
    subject_id TEXT    NOT NULL,
    is_person  INTEGER NOT NULL CONSTRAINT ck_subject_name_grams_is_person CHECK (is_person IN (0, 1)),
    CONSTRAINT pk_subject_name_grams PRIMARY KEY (gram, tier, inactive, name, subject_id)
) STRICT, WITHOUT ROWID;

INSERT INTO subject_name_grams (gram, tier, inactive, name, subject_id, is_person)
SELECT substr(s.name, p.n, 2),
       MIN(CASE WHEN length(s.name) = 2 THEN 0 WHEN p.n = 1 THEN 1 ELSE 2 END),
       s.status = 'deregistered', s.name, s.id, s.subject_type = 'person'
FROM subjects s
JOIN name_positions p ON p.n < length(s.name)
GROUP BY s.id, substr(s.name, p.n, 2)
ORDER BY 1, 2, 3, 4, 5;

CREATE TABLE subject_gram_counts (
    gram     TEXT    NOT NULL,
    subjects INTEGER NOT NULL,
    persons  INTEGER NOT NULL,
    CONSTRAINT pk_subject_gram_counts PRIMARY KEY (gram)
) STRICT, WITHOUT ROWID;

INSERT INTO subject_gram_counts (gram, subjects, persons)
SELECT gram, COUNT(*), SUM(is_person) FROM subject_name_grams GROUP BY gram;

CREATE TRIGGER tr_subject_name_grams_count_insert AFTER INSERT ON subject_name_grams
BEGIN
    INSERT INTO subject_gram_counts (gram, subjects, persons) VALUES (NEW.gram, 1, NEW.is_person)
    ON CONFLICT (gram) DO UPDATE SET subjects = subjects + 1, persons = persons + excluded.persons;
END;

CREATE TRIGGER tr_subject_name_grams_count_delete AFTER DELETE ON subject_name_grams
BEGIN
    UPDATE subject_gram_counts SET subjects = subjects - 1, persons = persons - OLD.is_person WHERE gram = OLD.gram;
END;

CREATE TRIGGER tr_subjects_grams_insert AFTER INSERT ON subjects
BEGIN
    INSERT INTO subject_name_grams (gram, tier, inactive, name, subject_id, is_person)
    SELECT substr(NEW.name, p.n, 2),
           MIN(CASE WHEN length(NEW.name) = 2 THEN 0 WHEN p.n = 1 THEN 1 ELSE 2 END),
           NEW.status = 'deregistered', NEW.name, NEW.id, NEW.subject_type = 'person'
    FROM name_positions p
    WHERE p.n < length(NEW.name)
    GROUP BY substr(NEW.name, p.n, 2);
END;

-- The old rows are found by their whole key (tier and inactive by IN), never by scanning a pair's postings.
CREATE TRIGGER tr_subjects_grams_update AFTER UPDATE OF name, status, subject_type ON subjects
BEGIN
    DELETE FROM subject_name_grams
    WHERE gram IN (SELECT substr(OLD.name, p.n, 2) FROM name_positions p WHERE p.n < length(OLD.name))
      AND tier IN (0, 1, 2) AND inactive IN (0, 1) AND name = OLD.name AND subject_id = OLD.id;
    INSERT INTO subject_name_grams (gram, tier, inactive, name, subject_id, is_person)
    SELECT substr(NEW.name, p.n, 2),
           MIN(CASE WHEN length(NEW.name) = 2 THEN 0 WHEN p.n = 1 THEN 1 ELSE 2 END),
           NEW.status = 'deregistered', NEW.name, NEW.id, NEW.subject_type = 'person'
    FROM name_positions p
    WHERE p.n < length(NEW.name)
    GROUP BY substr(NEW.name, p.n, 2);
END;

CREATE TRIGGER tr_subjects_grams_delete AFTER DELETE ON subjects
BEGIN
    DELETE FROM subject_name_grams
    WHERE gram IN (SELECT substr(OLD.name, p.n, 2) FROM name_positions p WHERE p.n < length(OLD.name))
      AND tier IN (0, 1, 2) AND inactive IN (0, 1) AND name = OLD.name AND subject_id = OLD.id;
END;
