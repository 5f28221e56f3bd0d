-- Rule-pack versions become event-sourced with their content (engine's TenantRulePack). The version table
-- of the skeleton, which only pointed at a pack folder, is replaced by the content itself.
DROP TABLE tenant_rule_packs;

CREATE TABLE rule_pack_versions (
    tenant_id      text        NOT NULL REFERENCES tenants,
    version        integer     NOT NULL,
    name           text        NOT NULL,
    content_hash   text        NOT NULL,
    status         text        NOT NULL,
    author         text        NOT NULL,
    approved_by    text,
    effective_from date,
    published_by   text,
    published_at   timestamptz,
    saved_at       timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, version)
);
CREATE INDEX rule_pack_versions_in_effect ON rule_pack_versions (tenant_id, effective_from DESC, version DESC)
    WHERE status = 'PUBLISHED';

CREATE TABLE rule_pack_plans (
    tenant_id      text          NOT NULL,
    version        integer       NOT NULL,
    plan           text          NOT NULL,
    product        text          NOT NULL,
    currency       char(3)       NOT NULL,
    price          numeric       NOT NULL, -- unconstrained: keeps the scale as written, which the content hash covers
    billing_period text          NOT NULL,
    billing_mode   text          NOT NULL,
    PRIMARY KEY (tenant_id, version, plan, currency),
    FOREIGN KEY (tenant_id, version) REFERENCES rule_pack_versions
);

CREATE TABLE rule_pack_sources (
    tenant_id text    NOT NULL,
    version   integer NOT NULL,
    position  integer NOT NULL,
    category  text    NOT NULL,
    name      text    NOT NULL,
    text      text    NOT NULL,
    PRIMARY KEY (tenant_id, version, position),
    FOREIGN KEY (tenant_id, version) REFERENCES rule_pack_versions
);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['rule_pack_versions', 'rule_pack_plans', 'rule_pack_sources']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I '
                       'USING (tenant_id = current_setting(''ratebook.tenant_id'', true)) '
                       'WITH CHECK (tenant_id = current_setting(''ratebook.tenant_id'', true))', t);
    END LOOP;
END
$$;
