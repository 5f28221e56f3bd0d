-- Plans may be billed every N periods ("every 6 months"): the count beside the period's unit, 1 for the rows
-- written before. A rule pack's billing alignment (ACCOUNT, SUBSCRIPTION, CALENDAR) is a setting like its day
-- count; versions saved before it existed bill along the account's cycle, which is ACCOUNT.
ALTER TABLE rule_pack_plans ADD COLUMN period_count integer NOT NULL DEFAULT 1 CHECK (period_count > 0);
ALTER TABLE rule_pack_versions ADD COLUMN billing_alignment text NOT NULL DEFAULT 'ACCOUNT';
