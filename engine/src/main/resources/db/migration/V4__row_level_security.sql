-- The second wall between tenants. Transactions bound to a tenant (TenantScope) run as ratebook_tenant and
-- see and write only rows whose tenant_id equals the setting ratebook.tenant_id. The table owner (the
-- application's own connection user, used by authentication and by the event store) is not subject to the
-- policies; tenant-facing reads and projections go through TenantScope.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ratebook_tenant') THEN
        CREATE ROLE ratebook_tenant NOLOGIN;
    END IF;
END
$$;
GRANT ratebook_tenant TO CURRENT_USER;
GRANT USAGE ON SCHEMA public TO ratebook_tenant;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['api_keys', 'console_users', 'tenant_rule_packs', 'accounts', 'subscriptions',
                             'invoices', 'invoice_lines', 'invoice_number_sequences']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I '
                       'USING (tenant_id = current_setting(''ratebook.tenant_id'', true)) '
                       'WITH CHECK (tenant_id = current_setting(''ratebook.tenant_id'', true))', t);
    END LOOP;
END
$$;
