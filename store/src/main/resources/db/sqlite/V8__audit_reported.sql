-- Veritally schema, version 8 (SQLite): the reported results each risk-limiting audit audits (issue 19,
-- docs/audit.md "Reported results fixed at the seed"): the votes of the audit's contest in its view for every
-- station of the catalogue as the log stood before the audit's seed (the audit-seed entry at seed_idx). A
-- projection like the others: derived by the rulebook's replay when the seed entry is applied, written in the
-- transaction that appends it, written again by `rebuild` and compared by `rebuild --check`; start-up reads it
-- rather than the sheets as they stood then. votes: the first `stations` stations of the catalogue in its
-- order, `choices` votes each, all comma-separated.
CREATE TABLE audit_reported (
  audit    TEXT    PRIMARY KEY,
  seed_idx INTEGER NOT NULL,
  stations INTEGER NOT NULL,
  choices  INTEGER NOT NULL,
  votes    TEXT    NOT NULL
);
