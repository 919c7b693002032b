-- Veritally schema, version 6 (SQLite): a partial index on the log's rare entry kinds, so that start-up
-- (ElectionState.load) finds the keys, revocations, audits and transcription work without reading every
-- entry of the log (a million sheets at national scale). SQLite uses a partial index only when the query's
-- WHERE clause implies the index's (sqlite.org/partialindex.html §2): LogQueries.RARE_KINDS is this IN list,
-- word for word. The append-only triggers of V1 and V5 are untouched: an index adds no way to change a row.
CREATE INDEX log_entry_rare ON log_entry(idx) WHERE kind IN ('key', 'revocation', 'audit', 'audit-seed', 'audit-count', 'audit-round', 'transcription', 'transcription-flag', 'transcriber-pause');
