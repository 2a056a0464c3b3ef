-- 0007_replace_id_checks (PostgreSQL): nothing to change. The SQLite script of this number gives its id columns a cheaper
-- check; here ids are uuid columns and need none. The statement below only keeps the engines' numbering in step.
SELECT 1;
