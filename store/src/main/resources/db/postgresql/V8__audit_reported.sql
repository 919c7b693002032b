-- Veritally schema, version 8 (PostgreSQL): the reported results each risk-limiting audit audits, as
-- db/sqlite/V8__audit_reported.sql (BIGINT for INTEGER).
CREATE TABLE audit_reported (
  audit    TEXT   PRIMARY KEY,
  seed_idx BIGINT NOT NULL,
  stations BIGINT NOT NULL,
  choices  BIGINT NOT NULL,
  votes    TEXT   NOT NULL
);
