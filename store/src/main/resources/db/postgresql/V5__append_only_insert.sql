-- Veritally schema, version 5 (PostgreSQL): the append-only log tables also refuse an insert at an
-- index that is already written, whatever its ON CONFLICT clause (DO UPDATE, DO NOTHING): a BEFORE INSERT
-- row trigger runs before the conflict is resolved, so the refusal is LOG-APPEND rather than a key
-- violation or a silent no-op (see db/sqlite/V5__append_only_insert.sql for SQLite's REPLACE).
CREATE FUNCTION veritally_log_entry_no_overwrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM log_entry WHERE idx = NEW.idx) THEN
    RAISE EXCEPTION 'LOG-APPEND: log_entry is append-only (an entry exists at index %)', NEW.idx
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE FUNCTION veritally_tree_node_no_overwrite() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM tree_node WHERE level = NEW.level AND idx = NEW.idx) THEN
    RAISE EXCEPTION 'LOG-APPEND: tree_node is append-only (a node exists at level %, index %)', NEW.level, NEW.idx
      USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER log_entry_append_only_i BEFORE INSERT ON log_entry FOR EACH ROW EXECUTE PROCEDURE veritally_log_entry_no_overwrite();
CREATE TRIGGER tree_node_append_only_i BEFORE INSERT ON tree_node FOR EACH ROW EXECUTE PROCEDURE veritally_tree_node_no_overwrite();
