-- Payments and refunds on invoices, what invoices still ask for, and account credit from overpayments.
ALTER TABLE invoices ADD COLUMN amount_paid numeric(19,4) NOT NULL DEFAULT 0;

CREATE TABLE payments (
    tenant_id  text          NOT NULL,
    payment_id text          NOT NULL,
    invoice_id uuid          NOT NULL,
    account_id uuid          NOT NULL,
    position   bigserial     NOT NULL,
    kind       text          NOT NULL,
    amount     numeric(19,4) NOT NULL,
    applied    numeric(19,4) NOT NULL,
    overpaid   numeric(19,4) NOT NULL,
    currency   char(3)       NOT NULL,
    on_date    date,
    method     text,
    reference  text,
    PRIMARY KEY (tenant_id, invoice_id, payment_id)
);
CREATE INDEX payments_by_account ON payments (tenant_id, account_id);

CREATE TABLE account_credits (
    tenant_id  text          NOT NULL,
    account_id uuid          NOT NULL,
    currency   char(3)       NOT NULL,
    credit     numeric(19,4) NOT NULL,
    PRIMARY KEY (tenant_id, account_id, currency)
);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['payments', 'account_credits']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I '
                       'USING (tenant_id = current_setting(''ratebook.tenant_id'', true)) '
                       'WITH CHECK (tenant_id = current_setting(''ratebook.tenant_id'', true))', t);
    END LOOP;
END
$$;
