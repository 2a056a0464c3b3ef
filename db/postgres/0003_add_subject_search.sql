-- 0003_add_subject_search (PostgreSQL): name search by two-character grams (二元组). Every subject name is cut
-- into the overlapping pairs of characters it contains (重庆开州 → 重庆, 庆开, 开州); a fragment of two characters
-- is then one key range, and a longer fragment is confirmed on the postings of its rarest pair. pg_trgm would
-- need the contrib package and a locale that counts Chinese characters as word characters, and it cannot serve
-- a two-character fragment from its index; the pair table works the same way on all three engines.
-- Each row carries what ranking needs, so a page is read in key order without touching subjects:
--   tier      0 the name is the pair, 1 the name starts with it, 2 it occurs further in
--   inactive  1 for a deregistered subject (current subjects rank first)
--   name      the whole name (COLLATE "C": code point order, as on SQLite), to confirm and to order
--   is_person 1 for a natural person (the public finds persons only by ID number)
-- subject_gram_counts holds how many subjects (and how many of them persons) carry each gram: the total of a
-- two-character search without counting postings, and the rarest gram of a longer fragment to confirm it on. Triggers keep both in step with subjects however a subject is written;
-- the statements below fill them for the subjects already stored.

CREATE TABLE subject_name_grams (
    gram       varchar(2)               NOT NULL,
    tier       smallint                 NOT NULL,
    inactive   smallint                 NOT NULL,
    name       varchar(200) COLLATE "C" NOT NULL,
    subject_id uuid                     NOT NULL,
    is_person  smallint                 NOT NULL,
    CONSTRAINT pk_subject_name_grams PRIMARY KEY (gram, tier, inactive, name, subject_id),
    CONSTRAINT ck_subject_name_grams_tier CHECK (tier IN (0, 1, 2)),
    CONSTRAINT ck_subject_name_grams_inactive CHECK (inactive IN (0, 1)),
    CONSTRAINT ck_subject_name_grams_is_person CHECK (is_person IN (0, 1))
);

INSERT INTO subject_name_grams (gram, tier, inactive, name, subject_id, is_person)
SELECT substr(s.name, p.n, 2),
       MIN(CASE WHEN length(s.name) = 2 THEN 0 WHEN p.n = 1 THEN 1 ELSE 2 END),
       CASE WHEN s.status = 'deregistered' THEN 1 ELSE 0 END, s.name, s.id,
       CASE WHEN s.subject_type = 'person' THEN 1 ELSE 0 END
FROM subjects s
CROSS JOIN LATERAL generate_series(1, length(s.name) - 1) AS p(n)
GROUP BY s.id, substr(s.name, p.n, 2);

CREATE TABLE subject_gram_counts (
    gram     varchar(2) NOT NULL,
    subjects integer    NOT NULL,
    persons  integer    NOT NULL,
    CONSTRAINT pk_subject_gram_counts PRIMARY KEY (gram)
);

INSERT INTO subject_gram_counts (gram, subjects, persons)
SELECT gram, COUNT(*), SUM(is_person) FROM subject_name_grams GROUP BY gram;

CREATE FUNCTION subject_gram_counts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO subject_gram_counts (gram, subjects, persons) VALUES (NEW.gram, 1, NEW.is_person)
        ON CONFLICT (gram) DO UPDATE
        SET subjects = subject_gram_counts.subjects + 1, persons = subject_gram_counts.persons + EXCLUDED.persons;
    ELSE
        UPDATE subject_gram_counts SET subjects = subjects - 1, persons = persons - OLD.is_person WHERE gram = OLD.gram;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER tr_subject_name_grams_count AFTER INSERT OR DELETE ON subject_name_grams
    FOR EACH ROW EXECUTE FUNCTION subject_gram_counts_sync();

CREATE FUNCTION subject_name_grams_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        -- The old rows by their whole key: never a scan of a common pair's postings.
        DELETE FROM subject_name_grams g
        WHERE g.gram IN (SELECT substr(OLD.name, p.n, 2) FROM generate_series(1, length(OLD.name) - 1) AS p(n))
          AND g.tier IN (0, 1, 2) AND g.inactive IN (0, 1) AND g.name = OLD.name AND g.subject_id = OLD.id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO subject_name_grams (gram, tier, inactive, name, subject_id, is_person)
        SELECT substr(NEW.name, p.n, 2),
               MIN(CASE WHEN length(NEW.name) = 2 THEN 0 WHEN p.n = 1 THEN 1 ELSE 2 END),
               CASE WHEN NEW.status = 'deregistered' THEN 1 ELSE 0 END, NEW.name, NEW.id,
               CASE WHEN NEW.subject_type = 'person' THEN 1 ELSE 0 END
        FROM generate_series(1, length(NEW.name) - 1) AS p(n)
        GROUP BY substr(NEW.name, p.n, 2);
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER tr_subjects_grams_insert AFTER INSERT ON subjects
    FOR EACH ROW EXECUTE FUNCTION subject_name_grams_sync();

CREATE TRIGGER tr_subjects_grams_update AFTER UPDATE OF name, status, subject_type ON subjects
    FOR EACH ROW EXECUTE FUNCTION subject_name_grams_sync();

CREATE TRIGGER tr_subjects_grams_delete AFTER DELETE ON subjects
    FOR EACH ROW EXECUTE FUNCTION subject_name_grams_sync();
