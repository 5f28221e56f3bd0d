-- Tenants, their credentials and their rule-pack versions.
-- Tenant-owned tables carry tenant_id, lead their keys with it and are guarded by Row-Level Security
-- (policies in V4, once every tenant-owned table exists).

CREATE TABLE tenants (
    tenant_id  text PRIMARY KEY,
    name       text NOT NULL,
    address    text,
    tax_id     text,
    created_at timestamptz NOT NULL
);

CREATE TABLE api_keys (
    tenant_id  text NOT NULL REFERENCES tenants,
    key_digest text NOT NULL,
    key_prefix text NOT NULL,
    label      text,
    created_at timestamptz NOT NULL,
    revoked_at timestamptz,
    PRIMARY KEY (tenant_id, key_digest)
);
-- Authentication looks a key up before the tenant is known.
CREATE UNIQUE INDEX api_keys_digest ON api_keys (key_digest);

CREATE TABLE console_users (
    tenant_id     text NOT NULL REFERENCES tenants,
    username      text NOT NULL,
    password_hash text NOT NULL,
    role          text NOT NULL,
    PRIMARY KEY (tenant_id, username)
);
-- Sign-in looks a user up before the tenant is known.
CREATE UNIQUE INDEX console_users_username ON console_users (username);

CREATE TABLE tenant_rule_packs (
    tenant_id      text NOT NULL REFERENCES tenants,
    version        integer NOT NULL,
    name           text NOT NULL,
    source         text NOT NULL,
    content_hash   text NOT NULL,
    effective_from date NOT NULL,
    published_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, version)
);
