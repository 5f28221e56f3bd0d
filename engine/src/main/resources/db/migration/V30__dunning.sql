-- Dunning. dunning_receivables: what each invoice still asks for, written by the dunning processor in the same
-- transaction as the invoice's events, so a payment and the standing it leads to are decided on the same
-- figures (the invoices read model is streamed and may trail by milliseconds). account_standings: each
-- account's current dunning state and why; account_standing_changes: every change, oldest first.

CREATE TABLE dunning_receivables (
    tenant_id    text          NOT NULL,
    invoice_id   uuid          NOT NULL,
    account_id   uuid          NOT NULL,
    currency     char(3)       NOT NULL,
    invoice_date date          NOT NULL,
    due_date     date          NOT NULL,
    balance      numeric(19,4) NOT NULL,
    status       text          NOT NULL, -- OPEN, PAID or VOID
    PRIMARY KEY (tenant_id, invoice_id)
);
CREATE INDEX dunning_receivables_open ON dunning_receivables (tenant_id, account_id) WHERE status = 'OPEN';

-- Invoices issued before this table existed: their state as the invoices read model has it.
INSERT INTO dunning_receivables (tenant_id, invoice_id, account_id, currency, invoice_date, due_date, balance, status)
SELECT tenant_id, invoice_id, account_id, currency, invoice_date, due_date,
       CASE WHEN status = 'VOID' THEN 0 ELSE total - amount_paid END,
       CASE status WHEN 'FINALIZED' THEN 'OPEN' ELSE status END
FROM invoices;

CREATE TABLE account_standings (
    tenant_id             text          NOT NULL,
    account_id            uuid          NOT NULL,
    state                 text          NOT NULL,
    since                 date          NOT NULL,
    changed_on            date          NOT NULL,
    actions               jsonb         NOT NULL,
    rules                 jsonb         NOT NULL,
    trace                 jsonb         NOT NULL,
    pack_name             text          NOT NULL,
    pack_version          integer       NOT NULL,
    pack_hash             text          NOT NULL,
    trigger               text          NOT NULL,
    currency              char(3)       NOT NULL,
    oldest_unpaid_due     date,
    days_past_due         integer       NOT NULL,
    unpaid_balance        numeric(19,4) NOT NULL,
    unpaid_invoices       integer       NOT NULL,
    overdue_balance       numeric(19,4) NOT NULL,
    overdue_invoices      integer       NOT NULL,
    PRIMARY KEY (tenant_id, account_id)
);
CREATE INDEX account_standings_not_good ON account_standings (tenant_id, account_id) WHERE state <> 'GOOD';

CREATE TABLE account_standing_changes (
    tenant_id       text          NOT NULL,
    account_id      uuid          NOT NULL,
    position        bigserial     NOT NULL,
    on_date         date          NOT NULL,
    from_state      text          NOT NULL,
    to_state        text          NOT NULL,
    actions         jsonb         NOT NULL,
    rules           jsonb         NOT NULL,
    pack_name       text          NOT NULL,
    pack_version    integer       NOT NULL,
    trigger         text          NOT NULL,
    days_past_due   integer       NOT NULL,
    unpaid_balance  numeric(19,4) NOT NULL,
    unpaid_invoices integer       NOT NULL,
    PRIMARY KEY (tenant_id, account_id, position)
);

SELECT ratebook_isolate_tenant('dunning_receivables');
SELECT ratebook_isolate_tenant('account_standings');
SELECT ratebook_isolate_tenant('account_standing_changes');
