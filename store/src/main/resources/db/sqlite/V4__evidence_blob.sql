-- Veritally schema, version 4 (SQLite): the evidence blobs table, kept so that both dialects have
-- the same versions and tables (db/postgresql/V4__evidence_blob.sql). With SQLite the evidence
-- lives in a directory beside the database (org.veritally.store.blob.DirectoryBlobStore), so this
-- table stays empty; `--evidence postgres` needs PostgreSQL.
CREATE TABLE evidence_blob (
  sha256     TEXT    PRIMARY KEY,
  bytes      BLOB    NOT NULL,
  created_ms INTEGER NOT NULL
);
