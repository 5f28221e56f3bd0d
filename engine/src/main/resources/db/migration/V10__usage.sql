-- Usage metering. usage_events is append-only and is itself the event stream of usage: a row is written
-- once, in batches, and never updated; a correction is a new row (negative where the meter allows it).
-- The unique key makes ingestion idempotent by construction: a transaction id counts once per subscription.

CREATE TABLE meters (
    tenant_id   text    NOT NULL REFERENCES tenants,
    code        text    NOT NULL,
    unit        text    NOT NULL,
    aggregation text    NOT NULL,
    correctable boolean NOT NULL DEFAULT false,
    PRIMARY KEY (tenant_id, code)
);

CREATE TABLE usage_events (
    tenant_id       text          NOT NULL,
    subscription_id uuid          NOT NULL,
    transaction_id  text          NOT NULL,
    meter           text          NOT NULL,
    quantity        numeric(30,9) NOT NULL,
    occurred_at     timestamptz   NOT NULL,
    properties      jsonb,
    received_at     timestamptz   NOT NULL,
    PRIMARY KEY (tenant_id, subscription_id, transaction_id)
);
CREATE INDEX usage_by_meter_time ON usage_events (tenant_id, subscription_id, meter, occurred_at);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['meters', 'usage_events']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I '
                       'USING (tenant_id = current_setting(''ratebook.tenant_id'', true)) '
                       'WITH CHECK (tenant_id = current_setting(''ratebook.tenant_id'', true))', t);
    END LOOP;
END
$$;
