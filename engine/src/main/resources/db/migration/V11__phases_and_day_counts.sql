-- Plans have phases (trial, discount, fixed term, evergreen) and packs a day-count convention and rounding;
-- subscriptions record their phase timeline; invoice lines say which plan phase and billing period they bill.
ALTER TABLE rule_pack_versions ADD COLUMN day_count text NOT NULL DEFAULT 'ACTUAL';
ALTER TABLE rule_pack_versions ADD COLUMN rounding text NOT NULL DEFAULT 'HALF_UP';

ALTER TABLE rule_pack_plans ADD COLUMN phase text NOT NULL DEFAULT 'evergreen';
ALTER TABLE rule_pack_plans ADD COLUMN duration text;
ALTER TABLE rule_pack_plans DROP CONSTRAINT rule_pack_plans_pkey;
ALTER TABLE rule_pack_plans ADD PRIMARY KEY (tenant_id, version, plan, phase, currency);

ALTER TABLE subscriptions ADD COLUMN phases jsonb;

ALTER TABLE invoice_lines ADD COLUMN plan text;
ALTER TABLE invoice_lines ADD COLUMN phase text;
ALTER TABLE invoice_lines ADD COLUMN billing_period_from date;
ALTER TABLE invoice_lines ADD COLUMN billing_period_to date;
