-- Usage lines say which meter and unit they bill, the tiers (or parts) that make the amount, and how many
-- usage events the period had when it was rated. Their usage period is (period_from, period_to), which the
-- next runs use to know what was billed and to re-rate periods whose usage changed since (late usage).
ALTER TABLE invoice_lines ADD COLUMN meter text;
ALTER TABLE invoice_lines ADD COLUMN unit text;
ALTER TABLE invoice_lines ADD COLUMN tiers jsonb;
ALTER TABLE invoice_lines ADD COLUMN transactions bigint;
-- usage quantities have up to 9 decimals (and time-weighted ones 6); keep them exactly as rated
ALTER TABLE invoice_lines ALTER COLUMN quantity TYPE numeric;
CREATE INDEX invoice_lines_usage ON invoice_lines (tenant_id, subscription_id, meter, period_from)
    WHERE meter IS NOT NULL;
