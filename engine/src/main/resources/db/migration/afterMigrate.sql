-- After every migration, on every start, so tables added by later migrations (and other branches) are
-- covered without repeating this. Decision 018.
--
-- Grants: the runtime role (ratebook_app) and the tenant role (ratebook_tenant) may use every table and
-- sequence; Row-Level Security decides which rows. Events are append-only for both.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ratebook_tenant, ratebook_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ratebook_tenant, ratebook_app;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO ratebook_tenant, ratebook_app;
REVOKE UPDATE, DELETE, TRUNCATE ON domain_event_entry FROM ratebook_tenant, ratebook_app;
REVOKE ALL ON flyway_schema_history FROM ratebook_tenant, ratebook_app;

-- Every table with a tenant_id column: RLS enabled and FORCED (the owner is subject to it too), and
--   tenant_isolation   (every role): a transaction bound to a tenant (ratebook.tenant_id set, TenantScope)
--                      sees and writes only that tenant's rows;
--   system_access      (ratebook_app and its members only, NOT ratebook_tenant): with no tenant bound, the
--                      application's own infrastructure (authentication before a tenant is known, the
--                      operator's tenant list, Axon's event processors) reads across tenants. It is the
--                      deliberate, narrow path of TenantScope.system(...); as soon as a tenant is bound, it
--                      no longer applies.
DO $$
DECLARE
    t text;
BEGIN
    FOR t IN
        SELECT c.relname FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        IF NOT EXISTS (SELECT 1 FROM pg_policies WHERE schemaname = 'public' AND tablename = t
                                                     AND policyname = 'tenant_isolation') THEN
            EXECUTE format('CREATE POLICY tenant_isolation ON %I '
                           'USING (tenant_id = current_setting(''ratebook.tenant_id'', true)) '
                           'WITH CHECK (tenant_id = current_setting(''ratebook.tenant_id'', true))', t);
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_policies WHERE schemaname = 'public' AND tablename = t
                                                     AND policyname = 'system_access') THEN
            EXECUTE format('CREATE POLICY system_access ON %I TO ratebook_app '
                           'USING (coalesce(current_setting(''ratebook.tenant_id'', true), '''') = '''' '
                           '       AND current_user <> ''ratebook_tenant'') '
                           'WITH CHECK (coalesce(current_setting(''ratebook.tenant_id'', true), '''') = '''' '
                           '       AND current_user <> ''ratebook_tenant'')', t);
        END IF;
    END LOOP;
END
$$;
