-- Veritally schema, version 7 (PostgreSQL): the partial index of V6 with the transcription-report kind (issue
-- 14), as db/sqlite/V7__rare_kind_index_reports.sql; the predicate is LogQueries.RARE_KINDS.
DROP INDEX log_entry_rare;
CREATE INDEX log_entry_rare ON log_entry(idx) WHERE kind IN ('key', 'revocation', 'audit', 'audit-seed', 'audit-count', 'audit-round', 'transcription', 'transcription-flag', 'transcriber-pause', 'transcription-report');
