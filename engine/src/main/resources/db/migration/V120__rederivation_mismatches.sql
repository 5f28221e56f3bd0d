-- Documents whose re-derivation from the event store differed from what was stored (issue 13, decision 024):
-- found by the daily self-check or a tenant-wide re-derivation, kept as a log an auditor reads. The audit log
-- table, when it exists, is the better home; until then this one.
CREATE TABLE rederivation_mismatches (
    tenant_id     text        NOT NULL,
    id            bigserial   NOT NULL,
    document_id   text        NOT NULL,
    kind          text        NOT NULL,
    number        text,
    document_date date,
    pack_version  integer,
    differences   jsonb       NOT NULL,
    found_by      text        NOT NULL,
    found_at      timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX rederivation_mismatches_recent ON rederivation_mismatches (tenant_id, found_at DESC);
SELECT ratebook_isolate_tenant('rederivation_mismatches');
