-- Veritally schema, version 5 (SQLite): the append-only log tables also refuse an insert at an index
-- that is already written. `REPLACE INTO` (INSERT OR REPLACE) deletes the conflicting row without firing
-- the BEFORE DELETE trigger unless recursive_triggers is on (sqlite.org/lang_conflict.html, REPLACE), and
-- an upsert (ON CONFLICT DO UPDATE) would rewrite it: a BEFORE INSERT trigger that refuses when the row
-- exists runs before either, so neither can change a written entry or tree node (LOG-APPEND).
CREATE TRIGGER log_entry_append_only_i BEFORE INSERT ON log_entry WHEN EXISTS (SELECT 1 FROM log_entry WHERE idx = NEW.idx) BEGIN SELECT RAISE(ABORT, 'LOG-APPEND: log_entry is append-only (an entry exists at this index)'); END;
CREATE TRIGGER tree_node_append_only_i BEFORE INSERT ON tree_node WHEN EXISTS (SELECT 1 FROM tree_node WHERE level = NEW.level AND idx = NEW.idx) BEGIN SELECT RAISE(ABORT, 'LOG-APPEND: tree_node is append-only (a node exists at this level and index)'); END;
