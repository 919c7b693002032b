-- Veritally schema, version 7 (SQLite): the partial index of V6 on the log's rare entry kinds, with the
-- transcription-report kind (issue 14: reports on photos, docs/transcription.md#reports-on-photos), which start-up
-- reads with the other transcription work. The index predicate is again LogQueries.RARE_KINDS word for word.
DROP INDEX log_entry_rare;
CREATE INDEX log_entry_rare ON log_entry(idx) WHERE kind IN ('key', 'revocation', 'audit', 'audit-seed', 'audit-count', 'audit-round', 'transcription', 'transcription-flag', 'transcriber-pause', 'transcription-report');
