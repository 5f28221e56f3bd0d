-- The seller's own tests of its pricing (issue 12): Gherkin scenarios in business words, edited in the console,
-- run against any version of the pack before it is approved. One suite per tenant and file name; each save is
-- kept with who saved it and when (decision 022: why the suite lives next to the pack rather than in it).
CREATE TABLE tenant_pack_tests (
    tenant_id  text        NOT NULL,
    name       text        NOT NULL,
    text       text        NOT NULL,
    saved_by   text        NOT NULL,
    saved_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, name)
);

SELECT ratebook_isolate_tenant('tenant_pack_tests');
