-- Parent accounts: a child account may have its charges invoiced to its parent (one consolidated invoice).
CREATE TABLE account_parents (
    tenant_id         text    NOT NULL,
    account_id        uuid    NOT NULL,
    parent_account_id uuid    NOT NULL,
    invoice_parent    boolean NOT NULL,
    PRIMARY KEY (tenant_id, account_id)
);
CREATE INDEX account_parents_by_parent ON account_parents (tenant_id, parent_account_id);
SELECT ratebook_isolate_tenant('account_parents');
