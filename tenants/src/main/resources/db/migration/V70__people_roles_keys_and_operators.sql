-- People, roles, API-key scopes, tenant status and sub-tenants, the installation's operators (decision 017).

-- A console user holds one or more roles and may be disabled (kept, so what they did still names them).
ALTER TABLE console_users ADD COLUMN roles text[] NOT NULL DEFAULT '{}';
UPDATE console_users SET roles = ARRAY[role];
ALTER TABLE console_users DROP COLUMN role;
ALTER TABLE console_users ADD CONSTRAINT console_users_roles_known CHECK (
    roles <@ ARRAY['TENANT_ADMIN', 'ANALYST', 'APPROVER', 'AUDITOR']::text[] AND cardinality(roles) >= 1);
ALTER TABLE console_users ADD COLUMN enabled boolean NOT NULL DEFAULT true;
ALTER TABLE console_users ADD COLUMN created_at timestamptz;

-- An API key carries scopes, may expire, remembers when it was last used and may belong to a person, who is then
-- the one named as author or approver of what the key does (four eyes across console and API).
ALTER TABLE api_keys ADD COLUMN key_id bigint GENERATED ALWAYS AS IDENTITY;
CREATE UNIQUE INDEX api_keys_key_id ON api_keys (key_id);
ALTER TABLE api_keys ADD COLUMN scopes text[] NOT NULL
    DEFAULT ARRAY['read', 'usage:write', 'billing', 'rules', 'rules:approve', 'admin'];
ALTER TABLE api_keys ADD CONSTRAINT api_keys_scopes_known CHECK (
    scopes <@ ARRAY['read', 'usage:write', 'billing', 'rules', 'rules:approve', 'admin']::text[]);
ALTER TABLE api_keys ADD COLUMN expires_at timestamptz;
ALTER TABLE api_keys ADD COLUMN last_used_at timestamptz;
ALTER TABLE api_keys ADD COLUMN owner_username text;

-- A suspended tenant keeps its data; its users and keys are refused. A tenant may own sub-tenants (reseller).
ALTER TABLE tenants ADD COLUMN status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'SUSPENDED'));
ALTER TABLE tenants ADD COLUMN parent_tenant_id text REFERENCES tenants;
CREATE INDEX tenants_parent ON tenants (parent_tenant_id) WHERE parent_tenant_id IS NOT NULL;

-- Branding per tenant: printed on its invoices and shown in its console.
CREATE TABLE tenant_branding (
    tenant_id      text PRIMARY KEY REFERENCES tenants,
    primary_colour text CHECK (primary_colour ~ '^#[0-9a-fA-F]{6}$'),
    accent_colour  text CHECK (accent_colour ~ '^#[0-9a-fA-F]{6}$'),
    invoice_footer text,
    legal_text     text,
    language       text NOT NULL DEFAULT 'en' CHECK (language ~ '^[a-z]{2}$'),
    logo           bytea,
    logo_type      text CHECK (logo_type IN ('image/png', 'image/jpeg')),
    updated_at     timestamptz NOT NULL
);
SELECT ratebook_isolate_tenant('tenant_branding');

-- The installation's operators: not tenant-owned, read only by authentication and operator-level code.
CREATE TABLE operators (
    username      text PRIMARY KEY,
    password_hash text NOT NULL,
    created_at    timestamptz NOT NULL
);
CREATE TABLE operator_keys (
    key_digest   text PRIMARY KEY,
    key_prefix   text NOT NULL,
    label        text,
    created_at   timestamptz NOT NULL,
    revoked_at   timestamptz,
    last_used_at timestamptz
);
