-- Credit notes: documents of their own that reduce what a finalized invoice asks for (never an edit of it).
ALTER TABLE invoices ADD COLUMN amount_credited numeric(19,4) NOT NULL DEFAULT 0;

CREATE TABLE credit_notes (
    tenant_id         text          NOT NULL,
    number            text          NOT NULL,
    invoice_id        uuid          NOT NULL,
    account_id        uuid          NOT NULL,
    reference         text          NOT NULL,
    amount            numeric(19,4) NOT NULL,
    applied           numeric(19,4) NOT NULL,
    to_account_credit numeric(19,4) NOT NULL,
    currency          char(3)       NOT NULL,
    reason            text          NOT NULL,
    issued_on         date          NOT NULL,
    PRIMARY KEY (tenant_id, number)
);
CREATE INDEX credit_notes_by_invoice ON credit_notes (tenant_id, invoice_id);
SELECT ratebook_isolate_tenant('credit_notes');
