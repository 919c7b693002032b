-- Veritally schema, version 1 (PostgreSQL). The same tables and columns as db/sqlite/V1__init.sql;
-- what differs: BIGINT for INTEGER, BYTEA for BLOB, the append-only triggers call a plpgsql
-- function, there is no WITHOUT ROWID, and every text column is COLLATE "C" so that ORDER BY sorts
-- byte-wise, as SQLite does (ProjectionDump is then the same on both engines).
-- The log tables are the system of record and are append-only; every other table is a projection
-- that `veritally rebuild` recomputes from the log.

CREATE FUNCTION veritally_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'LOG-APPEND: % is append-only', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TABLE log_entry (
  idx         BIGINT PRIMARY KEY,               -- 0-based leaf index in the Merkle tree
  kind        TEXT COLLATE "C" NOT NULL,        -- election | catalogue | source | sheet | ...
  body        BYTEA  NOT NULL,                  -- canonical JSON (RFC 8785), UTF-8
  leaf_hash   BYTEA  NOT NULL,                  -- SHA-256(0x00 || body), RFC 9162 §2.1.1
  account     TEXT COLLATE "C" NOT NULL DEFAULT '',
  received_ms BIGINT NOT NULL
);
CREATE TRIGGER log_entry_append_only BEFORE UPDATE OR DELETE ON log_entry FOR EACH ROW EXECUTE PROCEDURE veritally_append_only();
CREATE TRIGGER log_entry_no_truncate BEFORE TRUNCATE ON log_entry FOR EACH STATEMENT EXECUTE PROCEDURE veritally_append_only();

-- Full-subtree hashes at the tlog-tiles levels 8, 16, 24, ... (see db/sqlite/V1__init.sql).
CREATE TABLE tree_node (
  level BIGINT NOT NULL,
  idx   BIGINT NOT NULL,
  hash  BYTEA  NOT NULL,
  PRIMARY KEY (level, idx)
);
CREATE TRIGGER tree_node_append_only BEFORE UPDATE OR DELETE ON tree_node FOR EACH ROW EXECUTE PROCEDURE veritally_append_only();
CREATE TRIGGER tree_node_no_truncate BEFORE TRUNCATE ON tree_node FOR EACH STATEMENT EXECUTE PROCEDURE veritally_append_only();

CREATE TABLE checkpoint (
  tree_size  BIGINT PRIMARY KEY,
  note       TEXT   NOT NULL,                   -- signed note (C2SP signed-note) of the tlog-checkpoint body
  created_ms BIGINT NOT NULL
);

CREATE TABLE cosignature (
  tree_size BIGINT NOT NULL,
  witness   TEXT COLLATE "C" NOT NULL,
  line      TEXT NOT NULL,
  PRIMARY KEY (tree_size, witness)
);

CREATE TABLE account (
  id TEXT COLLATE "C" PRIMARY KEY, role TEXT COLLATE "C" NOT NULL, source TEXT COLLATE "C" NOT NULL, token_hash BYTEA NOT NULL UNIQUE,
  public_key TEXT NOT NULL DEFAULT '', created_ms BIGINT NOT NULL, revoked_ms BIGINT NOT NULL DEFAULT 0
);

-- Projections ---------------------------------------------------------------------------------
CREATE TABLE meta (key TEXT COLLATE "C" PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE election (id TEXT COLLATE "C" PRIMARY KEY, entry_idx BIGINT NOT NULL, body TEXT NOT NULL);
CREATE TABLE unit (id TEXT COLLATE "C" PRIMARY KEY, name TEXT COLLATE "C" NOT NULL, level BIGINT NOT NULL, parent TEXT COLLATE "C" NOT NULL, ord BIGINT NOT NULL);
CREATE TABLE station (id TEXT COLLATE "C" PRIMARY KEY, name TEXT COLLATE "C" NOT NULL, unit TEXT COLLATE "C" NOT NULL, registered BIGINT NOT NULL, ord BIGINT NOT NULL);
CREATE INDEX station_unit ON station(unit);
CREATE TABLE source (id TEXT COLLATE "C" PRIMARY KEY, name TEXT COLLATE "C" NOT NULL, kind TEXT COLLATE "C" NOT NULL, entry_idx BIGINT NOT NULL);
CREATE TABLE sheet_current (
  station TEXT COLLATE "C" NOT NULL, contest TEXT COLLATE "C" NOT NULL, source TEXT COLLATE "C" NOT NULL,
  entry_idx BIGINT NOT NULL,
  registered BIGINT, ballots BIGINT, valid BIGINT NOT NULL, nulls BIGINT NOT NULL, blank BIGINT,
  votes TEXT NOT NULL,
  digest_core BIGINT NOT NULL, digest_opt BIGINT NOT NULL,
  PRIMARY KEY (station, contest, source)
);
CREATE TABLE unit_total (
  unit TEXT COLLATE "C" NOT NULL, contest TEXT COLLATE "C" NOT NULL, source TEXT COLLATE "C" NOT NULL,
  stations BIGINT NOT NULL, registered BIGINT NOT NULL, ballots BIGINT NOT NULL,
  valid BIGINT NOT NULL, nulls BIGINT NOT NULL, blank BIGINT NOT NULL,
  votes TEXT NOT NULL,
  PRIMARY KEY (unit, contest, source)
);
CREATE TABLE station_status (
  station TEXT COLLATE "C" NOT NULL, contest TEXT COLLATE "C" NOT NULL, status TEXT COLLATE "C" NOT NULL, consensus_entry BIGINT NOT NULL,
  PRIMARY KEY (station, contest)
);
CREATE INDEX station_status_by_status ON station_status(status, station);
CREATE TABLE announcement (id TEXT COLLATE "C" PRIMARY KEY, entry_idx BIGINT NOT NULL, body TEXT NOT NULL);
CREATE TABLE sheet_flag (entry_idx BIGINT NOT NULL, rule TEXT COLLATE "C" NOT NULL, message TEXT NOT NULL, PRIMARY KEY (entry_idx, rule));
