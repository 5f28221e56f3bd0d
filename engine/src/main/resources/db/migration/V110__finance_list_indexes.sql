-- Indexes for the finance team's lists (console grids and the REST list endpoints), each leading with tenant_id
-- and ending with the keyset the list pages by, so the first page of 100,000 rows reads ~50 index entries.
-- Text searches are case-insensitive prefix matches on lower(...) with text_pattern_ops (any collation).

CREATE INDEX IF NOT EXISTS accounts_by_name ON accounts (tenant_id, lower(name), account_id);
CREATE INDEX IF NOT EXISTS accounts_by_name_prefix ON accounts (tenant_id, lower(name) text_pattern_ops);
CREATE INDEX IF NOT EXISTS accounts_by_email ON accounts (tenant_id, lower(email) text_pattern_ops);
CREATE INDEX IF NOT EXISTS accounts_by_tax_id ON accounts (tenant_id, lower(tax_id) text_pattern_ops);
CREATE INDEX IF NOT EXISTS account_standings_by_state ON account_standings (tenant_id, state, account_id);

CREATE INDEX IF NOT EXISTS invoices_by_date_id ON invoices (tenant_id, invoice_date DESC, invoice_id DESC);
CREATE INDEX IF NOT EXISTS invoices_by_status_date ON invoices (tenant_id, status, invoice_date DESC, invoice_id DESC);
CREATE INDEX IF NOT EXISTS invoices_by_account_date_id
    ON invoices (tenant_id, account_id, invoice_date DESC, invoice_id DESC);
CREATE INDEX IF NOT EXISTS invoices_by_number_prefix ON invoices (tenant_id, number text_pattern_ops);

CREATE INDEX IF NOT EXISTS subscriptions_by_start ON subscriptions (tenant_id, start_date DESC, subscription_id DESC);
CREATE INDEX IF NOT EXISTS invoice_lines_by_type ON invoice_lines (tenant_id, item_type, period_from);
