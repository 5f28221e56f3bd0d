-- Rule packs gain tables besides the catalog (tax rates, coupons, volume and bundle discounts), kept as the
-- analyst wrote them, and tax settings: prices that include tax, and tax rounded per line or per invoice.
CREATE TABLE rule_pack_tables (
    tenant_id text    NOT NULL,
    version   integer NOT NULL,
    name      text    NOT NULL,
    text      text    NOT NULL,
    PRIMARY KEY (tenant_id, version, name),
    FOREIGN KEY (tenant_id, version) REFERENCES rule_pack_versions
);
SELECT ratebook_isolate_tenant('rule_pack_tables');

ALTER TABLE rule_pack_versions ADD COLUMN prices_include_tax boolean NOT NULL DEFAULT false;
ALTER TABLE rule_pack_versions ADD COLUMN tax_rounding text NOT NULL DEFAULT 'LINE';
