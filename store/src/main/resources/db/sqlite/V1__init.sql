-- Veritally schema, version 1 (SQLite). The log tables are the system of record and are
-- append-only (the triggers refuse UPDATE and DELETE); every other table is a projection that
-- `veritally rebuild` recomputes from the log.

CREATE TABLE log_entry (
  idx         INTEGER PRIMARY KEY,   -- 0-based leaf index in the Merkle tree
  kind        TEXT    NOT NULL,      -- election | catalogue | source | sheet | ...
  body        BLOB    NOT NULL,      -- canonical JSON (RFC 8785), UTF-8
  leaf_hash   BLOB    NOT NULL,      -- SHA-256(0x00 || body), RFC 9162 §2.1.1
  account     TEXT    NOT NULL DEFAULT '',
  received_ms INTEGER NOT NULL
);
CREATE TRIGGER log_entry_append_only_u BEFORE UPDATE ON log_entry BEGIN SELECT RAISE(ABORT, 'LOG-APPEND: log_entry is append-only'); END;
CREATE TRIGGER log_entry_append_only_d BEFORE DELETE ON log_entry BEGIN SELECT RAISE(ABORT, 'LOG-APPEND: log_entry is append-only'); END;

-- Full-subtree hashes at the tlog-tiles levels 8, 16, 24, ... (level 0 is log_entry.leaf_hash; the
-- levels in between are folded on read): node (level, idx) covers leaves [idx * 2^level, (idx + 1) * 2^level).
CREATE TABLE tree_node (
  level INTEGER NOT NULL,
  idx   INTEGER NOT NULL,
  hash  BLOB    NOT NULL,
  PRIMARY KEY (level, idx)
) WITHOUT ROWID;
CREATE TRIGGER tree_node_append_only_u BEFORE UPDATE ON tree_node BEGIN SELECT RAISE(ABORT, 'LOG-APPEND: tree_node is append-only'); END;
CREATE TRIGGER tree_node_append_only_d BEFORE DELETE ON tree_node BEGIN SELECT RAISE(ABORT, 'LOG-APPEND: tree_node is append-only'); END;

CREATE TABLE checkpoint (
  tree_size  INTEGER PRIMARY KEY,
  note       TEXT    NOT NULL,       -- signed note (C2SP signed-note) of the tlog-checkpoint body
  created_ms INTEGER NOT NULL
);

-- Witness cosignatures (C2SP tlog-cosignature) of a checkpoint, as signature lines.
CREATE TABLE cosignature (
  tree_size INTEGER NOT NULL,
  witness   TEXT    NOT NULL,
  line      TEXT    NOT NULL,
  PRIMARY KEY (tree_size, witness)
);

-- Accounts (private, not a projection and not in the log: token hashes never leave the server).
-- role: admin | authority | witness | observer. source: the source the account submits as.
-- public_key: a C2SP signed-note verifier key; when set, every submission must carry its signature.
CREATE TABLE account (
  id TEXT PRIMARY KEY, role TEXT NOT NULL, source TEXT NOT NULL, token_hash BLOB NOT NULL UNIQUE,
  public_key TEXT NOT NULL DEFAULT '', created_ms INTEGER NOT NULL, revoked_ms INTEGER NOT NULL DEFAULT 0
);

-- Projections ---------------------------------------------------------------------------------
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE election (id TEXT PRIMARY KEY, entry_idx INTEGER NOT NULL, body TEXT NOT NULL);
CREATE TABLE unit (id TEXT PRIMARY KEY, name TEXT NOT NULL, level INTEGER NOT NULL, parent TEXT NOT NULL, ord INTEGER NOT NULL);
CREATE TABLE station (id TEXT PRIMARY KEY, name TEXT NOT NULL, unit TEXT NOT NULL, registered INTEGER NOT NULL, ord INTEGER NOT NULL);
CREATE INDEX station_unit ON station(unit);
CREATE TABLE source (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, entry_idx INTEGER NOT NULL);
-- The current sheet per station x contest x source. votes: comma-separated, in ballot order.
CREATE TABLE sheet_current (
  station TEXT NOT NULL, contest TEXT NOT NULL, source TEXT NOT NULL,
  entry_idx INTEGER NOT NULL,
  registered INTEGER, ballots INTEGER, valid INTEGER NOT NULL, nulls INTEGER NOT NULL, blank INTEGER,
  votes TEXT NOT NULL,
  digest_core INTEGER NOT NULL, digest_opt INTEGER NOT NULL,  -- reconciliation digest (CopyDigest), so start-up needs no hashing
  PRIMARY KEY (station, contest, source)
) WITHOUT ROWID;
-- Totals per unit x contest x source (the official view is the authority source's rows).
CREATE TABLE unit_total (
  unit TEXT NOT NULL, contest TEXT NOT NULL, source TEXT NOT NULL,
  stations INTEGER NOT NULL, registered INTEGER NOT NULL, ballots INTEGER NOT NULL,
  valid INTEGER NOT NULL, nulls INTEGER NOT NULL, blank INTEGER NOT NULL,
  votes TEXT NOT NULL,
  PRIMARY KEY (unit, contest, source)
) WITHOUT ROWID;
-- Reconciliation of each station x contest that has at least one copy: agreed | disputed | single;
-- consensus_entry is the log index of the copy counted in the consensus view, or -1.
CREATE TABLE station_status (
  station TEXT NOT NULL, contest TEXT NOT NULL, status TEXT NOT NULL, consensus_entry INTEGER NOT NULL,
  PRIMARY KEY (station, contest)
) WITHOUT ROWID;
CREATE INDEX station_status_by_status ON station_status(status, station);
-- Announcements of the authority (body: the canonical log entry).
CREATE TABLE announcement (id TEXT PRIMARY KEY, entry_idx INTEGER NOT NULL, body TEXT NOT NULL);
-- Rules that flagged an accepted sheet (TS-FLAG-*).
CREATE TABLE sheet_flag (entry_idx INTEGER NOT NULL, rule TEXT NOT NULL, message TEXT NOT NULL, PRIMARY KEY (entry_idx, rule)) WITHOUT ROWID;
