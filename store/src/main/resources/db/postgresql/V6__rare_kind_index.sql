-- Veritally schema, version 6 (PostgreSQL): a partial index on the log's rare entry kinds, so that start-up
-- (ElectionState.load) finds the keys, revocations, audits and transcription work without reading every
-- entry of the log; the planner proves the query's IN list implies the index predicate (see
-- db/sqlite/V6__rare_kind_index.sql and LogQueries.RARE_KINDS). The append-only triggers of V1 and V5 stay.
CREATE INDEX log_entry_rare ON log_entry(idx) WHERE kind IN ('key', 'revocation', 'audit', 'audit-seed', 'audit-count', 'audit-round', 'transcription', 'transcription-flag', 'transcriber-pause');
