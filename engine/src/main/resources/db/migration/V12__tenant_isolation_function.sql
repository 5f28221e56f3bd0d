-- One definition of the tenant-isolation policy, for tables added from now on:
--   SELECT ratebook_isolate_tenant('my_table');
-- (V4, V5, V9 and V10 spelled the same policy out before this function existed; they stay as applied.)
CREATE OR REPLACE FUNCTION ratebook_isolate_tenant(target regclass) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
    EXECUTE format('CREATE POLICY tenant_isolation ON %s '
                   'USING (tenant_id = current_setting(''ratebook.tenant_id'', true)) '
                   'WITH CHECK (tenant_id = current_setting(''ratebook.tenant_id'', true))', target);
END
$$;
