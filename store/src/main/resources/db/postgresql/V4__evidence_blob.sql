-- Veritally schema, version 4 (PostgreSQL): the evidence blobs (tally-sheet photos, originals and
-- public copies), content-addressed, for `--evidence postgres` (org.veritally.store.blob.PostgresBlobStore):
-- every instance on the database shares them. A row is inserted once (ON CONFLICT DO NOTHING) and
-- never changed; the name is the SHA-256 of the bytes, checked again on every read (STORE-BLOB-HASH).
-- Operational, not a projection: the log holds the hashes, not the bytes.
CREATE TABLE evidence_blob (
  sha256     TEXT COLLATE "C" PRIMARY KEY,   -- 64 lower-case hex digits (STORE-BLOB-NAME)
  bytes      BYTEA  NOT NULL,
  created_ms BIGINT NOT NULL
);
-- photos are already compressed (JPEG, PNG): store them out of line without trying pglz on them
ALTER TABLE evidence_blob ALTER COLUMN bytes SET STORAGE EXTERNAL;
