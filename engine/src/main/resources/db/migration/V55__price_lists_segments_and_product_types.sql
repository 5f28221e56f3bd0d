-- Price lists, customer segments, prices kept from sign-up and product types (decision 016).
-- An account's customer segment, which pricing rules may use to choose a price list.
ALTER TABLE accounts ADD COLUMN segment text;

-- A subscription's own price list (null: the rules choose), what it signed up at (the day and the rule pack
-- version in effect, for grandfathering), its product type and, for an add-on, its base subscription.
ALTER TABLE subscriptions ADD COLUMN price_list text;
ALTER TABLE subscriptions ADD COLUMN signed_on date;
ALTER TABLE subscriptions ADD COLUMN signed_pack_version integer;
ALTER TABLE subscriptions ADD COLUMN product_type text NOT NULL DEFAULT 'BASE';
ALTER TABLE subscriptions ADD COLUMN base_subscription_id uuid;
CREATE INDEX subscriptions_by_base ON subscriptions (tenant_id, base_subscription_id)
    WHERE base_subscription_id IS NOT NULL;

-- A plan row belongs to a price list and says its product type; one price per list and phase.
ALTER TABLE rule_pack_plans ADD COLUMN price_list text NOT NULL DEFAULT 'DEFAULT';
ALTER TABLE rule_pack_plans ADD COLUMN product_type text NOT NULL DEFAULT 'BASE';
ALTER TABLE rule_pack_plans DROP CONSTRAINT rule_pack_plans_pkey;
ALTER TABLE rule_pack_plans ADD PRIMARY KEY (tenant_id, version, plan, phase, currency, price_list);
