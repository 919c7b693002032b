-- Veritally schema, version 2 (SQLite): the submission queue. An instance that is not the sequencer
-- queues each sheet it receives here; the sequencer integrates the pending ones and records its
-- answer (result: the outcome as JSON) in the transaction that appended the entry. Operational, not
-- a projection and not in the log.
CREATE TABLE submission (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  payload    BLOB    NOT NULL,      -- the canonical sheet entry (RFC 8785), with its signature if any
  account    TEXT    NOT NULL,
  state      TEXT    NOT NULL,      -- pending | done
  result     TEXT    NOT NULL,
  created_ms INTEGER NOT NULL,
  done_ms    INTEGER NOT NULL
);
CREATE INDEX submission_pending ON submission(id) WHERE state = 'pending';
