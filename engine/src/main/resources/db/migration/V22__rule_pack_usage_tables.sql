-- A rule-pack version's usage charge and tier tables, as written (numeric without scale keeps "2.95" and
-- "2.950" apart, as the content hash does). Row order is kept so a version reads back exactly as saved.
CREATE TABLE rule_pack_usage_charges (
    tenant_id       text    NOT NULL,
    version         integer NOT NULL,
    position        integer NOT NULL,
    charge          text    NOT NULL,
    name            text    NOT NULL,
    plan            text    NOT NULL,
    meter           text    NOT NULL,
    currency        char(3) NOT NULL,
    model           text    NOT NULL,
    unit_price      numeric,
    package_size    numeric,
    free_units      numeric,
    free_events     bigint  NOT NULL DEFAULT 0,
    percentage      numeric,
    transaction_fee numeric,
    transaction_min numeric,
    transaction_max numeric,
    commitment      numeric,
    markup          numeric,
    PRIMARY KEY (tenant_id, version, position),
    FOREIGN KEY (tenant_id, version) REFERENCES rule_pack_versions
);

CREATE TABLE rule_pack_usage_tiers (
    tenant_id    text    NOT NULL,
    version      integer NOT NULL,
    position     integer NOT NULL,
    charge       text    NOT NULL,
    tier_from    numeric NOT NULL,
    tier_to      numeric,
    unit_price   numeric,
    flat_fee     numeric,
    package_size numeric,
    percentage   numeric,
    PRIMARY KEY (tenant_id, version, position),
    FOREIGN KEY (tenant_id, version) REFERENCES rule_pack_versions
);

SELECT ratebook_isolate_tenant('rule_pack_usage_charges');
SELECT ratebook_isolate_tenant('rule_pack_usage_tiers');
