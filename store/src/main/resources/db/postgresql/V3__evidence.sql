-- Veritally schema, version 3 (postgresql): the evidence projection. One row per evidence entry (a photo or
-- scan of a tally sheet): the station, source and contest ('' when not known) it was filed for, the
-- SHA-256 of the original and of the public copy ('' when there is none), and the canonical entry.
-- The bytes live in the blob store, not here.
CREATE TABLE evidence (
  entry_idx     BIGINT PRIMARY KEY,
  station       TEXT COLLATE "C" NOT NULL,
  source        TEXT COLLATE "C" NOT NULL,
  contest       TEXT COLLATE "C" NOT NULL,
  sha256        TEXT COLLATE "C" NOT NULL,
  public_sha256 TEXT COLLATE "C" NOT NULL,
  body          TEXT NOT NULL
);
CREATE INDEX evidence_by_station ON evidence(station, entry_idx);
CREATE INDEX evidence_by_sha256 ON evidence(sha256);
CREATE INDEX evidence_by_public ON evidence(public_sha256);
