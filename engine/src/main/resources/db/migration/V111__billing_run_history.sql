-- Billing runs started from the console (in the background, with progress): one row per run, written when it
-- starts and updated when it ends, so the history shows who ran what, when, and with what result.
CREATE TABLE billing_run_history (
    tenant_id    text        NOT NULL,
    run_id       uuid        NOT NULL,
    started_at   timestamptz NOT NULL,
    finished_at  timestamptz,
    started_by   text        NOT NULL,
    target_date  date,
    dry_run      boolean     NOT NULL,
    state        text        NOT NULL, -- RUNNING, FINISHED, FAILED
    accounts     integer     NOT NULL DEFAULT 0,
    invoices     integer     NOT NULL DEFAULT 0,
    totals       jsonb       NOT NULL DEFAULT '{}',
    problems     jsonb       NOT NULL DEFAULT '[]',
    PRIMARY KEY (tenant_id, run_id)
);
CREATE INDEX billing_run_history_by_start ON billing_run_history (tenant_id, started_at DESC);
SELECT ratebook_isolate_tenant('billing_run_history');
