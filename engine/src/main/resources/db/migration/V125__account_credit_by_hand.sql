-- Account credit given and taken by hand (issue 17, decision 025): one row per credit, so the projection adds it
-- to account_credits once (a redelivered event inserts nothing) and the account's page can list them.
-- Row-level security is enabled and forced by afterMigrate.sql, as for every table with tenant_id.
CREATE TABLE account_credit_entries (
    tenant_id  text          NOT NULL,
    credit_id  text          NOT NULL,
    account_id uuid          NOT NULL,
    position   bigserial     NOT NULL,
    kind       text          NOT NULL,
    amount     numeric(19,4) NOT NULL,
    currency   char(3)       NOT NULL,
    reason     text          NOT NULL,
    on_date    date          NOT NULL,
    by_whom    text,
    PRIMARY KEY (tenant_id, credit_id)
);
CREATE INDEX account_credit_entries_by_account ON account_credit_entries (tenant_id, account_id, position);
