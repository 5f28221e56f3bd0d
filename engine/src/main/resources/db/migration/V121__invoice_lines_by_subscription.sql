-- What a subscription was billed so far (BilledItems, read for every active subscription on every billing run):
-- without this index the only one starting with (tenant_id, subscription_id) is the partial usage index, so each
-- read scanned all of the tenant's lines and a run where nothing is due grew with the history (issue 14).
CREATE INDEX IF NOT EXISTS invoice_lines_by_subscription ON invoice_lines (tenant_id, subscription_id);
