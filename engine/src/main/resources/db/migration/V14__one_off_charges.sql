-- One-off charges entered for an account; an invoice line names the charge it bills.
CREATE TABLE one_off_charges (
    tenant_id   text          NOT NULL,
    charge_id   uuid          NOT NULL,
    reference   text          NOT NULL,
    account_id  uuid          NOT NULL,
    description text          NOT NULL,
    quantity    numeric(19,6) NOT NULL,
    unit_price  numeric(19,6) NOT NULL,
    currency    char(3)       NOT NULL,
    charge_on   date          NOT NULL,
    PRIMARY KEY (tenant_id, charge_id)
);
CREATE INDEX one_off_charges_by_day ON one_off_charges (tenant_id, charge_on);
SELECT ratebook_isolate_tenant('one_off_charges');

ALTER TABLE invoice_lines ADD COLUMN charge_id uuid;
