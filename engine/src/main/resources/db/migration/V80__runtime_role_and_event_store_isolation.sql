-- Wall 5: the database is a second wall that the application itself cannot step over.
--
-- * ratebook_app is the role the application connects as at runtime. It is not a superuser, cannot bypass
--   Row-Level Security, owns nothing (so it cannot ALTER or DISABLE a policy) and is a member of
--   ratebook_tenant only. Migrations run as a more privileged role (the table owner): embedded, the
--   cluster's superuser; external, SPRING_FLYWAY_USER. Create ratebook_app with a password beforehand on an
--   external PostgreSQL (README); here it is created without LOGIN if missing, so nothing can sign in as it
--   until an administrator says so.
-- * Every table with a tenant_id column gets ENABLE + FORCE ROW LEVEL SECURITY and the tenant_isolation
--   policy (afterMigrate.sql, on every start, so tables added later are covered too).
-- * The event store gets a tenant_id column, filled from the event's payload by a trigger, so the same
--   policies cover events and snapshots. Events are append-only for the runtime roles.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ratebook_app') THEN
        CREATE ROLE ratebook_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
    END IF;
END
$$;
GRANT ratebook_tenant TO ratebook_app;
GRANT USAGE ON SCHEMA public TO ratebook_app;
-- the migrating role may act as the application (the single-user external set-up keeps working)
GRANT ratebook_app TO CURRENT_USER;

-- The tenant an event belongs to: every event payload carries tenantId (a string or {"value": ...}).
CREATE OR REPLACE FUNCTION ratebook_event_tenant(payload bytea) RETURNS text
LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    doc jsonb;
BEGIN
    doc := convert_from(payload, 'UTF8')::jsonb;
    IF jsonb_typeof(doc) <> 'object' THEN
        RETURN NULL;
    END IF;
    RETURN coalesce(doc -> 'tenantId' ->> 'value', doc ->> 'tenantId');
EXCEPTION WHEN others THEN
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION ratebook_tag_event_tenant() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.tenant_id := ratebook_event_tenant(NEW.payload);
    RETURN NEW;
END
$$;

ALTER TABLE domain_event_entry ADD COLUMN tenant_id text;
ALTER TABLE snapshot_event_entry ADD COLUMN tenant_id text;
UPDATE domain_event_entry SET tenant_id = ratebook_event_tenant(payload);
UPDATE snapshot_event_entry SET tenant_id = ratebook_event_tenant(payload);
CREATE TRIGGER tag_tenant BEFORE INSERT OR UPDATE ON domain_event_entry
    FOR EACH ROW EXECUTE FUNCTION ratebook_tag_event_tenant();
CREATE TRIGGER tag_tenant BEFORE INSERT OR UPDATE ON snapshot_event_entry
    FOR EACH ROW EXECUTE FUNCTION ratebook_tag_event_tenant();
CREATE INDEX domain_event_entry_tenant ON domain_event_entry (tenant_id, global_index);

-- Idempotent now: afterMigrate may already have isolated a table that a later migration names.
CREATE OR REPLACE FUNCTION ratebook_isolate_tenant(target regclass) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', target);
    IF NOT EXISTS (SELECT 1 FROM pg_policy WHERE polrelid = target AND polname = 'tenant_isolation') THEN
        EXECUTE format('CREATE POLICY tenant_isolation ON %s '
                       'USING (tenant_id = current_setting(''ratebook.tenant_id'', true)) '
                       'WITH CHECK (tenant_id = current_setting(''ratebook.tenant_id'', true))', target);
    END IF;
END
$$;
