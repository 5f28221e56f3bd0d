-- Who did what, when and from where (issue 10): every command (with its outcome), console sign-ins (successful
-- and failed) and configuration changes. Append-only for the application; RLS (afterMigrate) keeps each tenant
-- to its own rows. Failed sign-ins of unknown users have no tenant: only the operator (system path) sees them.
CREATE TABLE audit_log (
    entry_id       bigserial   NOT NULL,
    tenant_id      text,
    occurred_at    timestamptz NOT NULL,
    actor          text        NOT NULL,
    actor_kind     text        NOT NULL,
    client_address text,
    action         text        NOT NULL,
    target         text,
    outcome        text        NOT NULL,
    detail         text,
    PRIMARY KEY (entry_id)
);
CREATE INDEX audit_log_tenant_entry ON audit_log (tenant_id, entry_id);
CREATE INDEX audit_log_tenant_time ON audit_log (tenant_id, occurred_at);
