-- A billing run as a background job shared by the nodes (issue 14, decision 027). billing_runs holds one row per
-- run; billing_run_items one row per (account, invoice date) the run has to invoice. Any node's worker claims a
-- chunk of due items with FOR UPDATE SKIP LOCKED and a lease (lease_until, from the application clock); a node that
-- dies leaves its claims to expire, and another node claims them again. Exactly-once invoices stay the event
-- store's job (decision 004): an item worked twice collides on the invoice's deterministic id.
CREATE TABLE billing_runs (
    tenant_id      text        NOT NULL,
    run_id         uuid        NOT NULL,
    target         text        NOT NULL, -- the target date (yyyy-mm-dd) or instant (ISO-8601): the idempotency key
    target_date    date        NOT NULL, -- the UTC date of the target instant when the run bills "now"
    target_at      timestamptz,          -- null: every account is billed for target_date
    state          text        NOT NULL CHECK (state IN ('running', 'cancelled', 'finished')),
    requested_by   text        NOT NULL,
    started_at     timestamptz NOT NULL,
    finished_at    timestamptz,
    accounts_due   integer     NOT NULL DEFAULT 0,
    accounts_done  integer     NOT NULL DEFAULT 0,
    invoices       integer     NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, run_id)
);
-- starting a run that is already running for the same tenant and target returns that run
CREATE UNIQUE INDEX billing_runs_one_running ON billing_runs (tenant_id, target) WHERE state = 'running';
CREATE INDEX billing_runs_running ON billing_runs (state) WHERE state = 'running';

CREATE TABLE billing_run_items (
    tenant_id     text        NOT NULL,
    run_id        uuid        NOT NULL,
    account_id    uuid        NOT NULL,
    invoice_date  date        NOT NULL,
    state         text        NOT NULL CHECK (state IN ('due', 'claimed', 'done', 'failed', 'skipped')),
    claimed_by    text,
    lease_until   timestamptz,
    worked_by     text,                 -- the node that finished it
    invoice_id    uuid,
    currency      char(3),
    amount        numeric(19, 4),
    problem       text,
    PRIMARY KEY (tenant_id, run_id, account_id, invoice_date),
    FOREIGN KEY (tenant_id, run_id) REFERENCES billing_runs (tenant_id, run_id)
);
CREATE INDEX billing_run_items_open ON billing_run_items (tenant_id, run_id, state, account_id)
    WHERE state IN ('due', 'claimed');
SELECT ratebook_isolate_tenant('billing_runs');
SELECT ratebook_isolate_tenant('billing_run_items');
